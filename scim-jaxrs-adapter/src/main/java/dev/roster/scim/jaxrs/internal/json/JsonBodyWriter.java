package dev.roster.scim.jaxrs.internal.json;

import dev.roster.scim.jaxrs.ScimMediaTypes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/** Writes a {@link JsonBody} in one write, with its {@code Content-Length}. */
@Provider
@Produces({ScimMediaTypes.SCIM_JSON, MediaType.APPLICATION_JSON})
public final class JsonBodyWriter implements MessageBodyWriter<JsonBody> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == JsonBody.class;
    }

    @Override
    public void writeTo(JsonBody body, Class<?> type, Type genericType, Annotation[] annotations,
                        MediaType mediaType, MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream)
            throws IOException {
        body.writeTo(entityStream, httpHeaders);
    }
}
