package dev.roster.scim.server.http;

import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.FilterChainEvent;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpBrokenContent;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpContext;
import org.glassfish.grizzly.http.HttpEvents;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpPacketParsing;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.Protocol;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.util.Header;
import org.glassfish.grizzly.http.util.MimeHeaders;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.MemoryManager;
import dev.roster.scim.jaxrs.ScimMediaTypes;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Grizzly's HTTP/1.1 codec, with the edge's rules added where the codec decides:
 * <ul>
 * <li>An {@code Upgrade} offer ({@code h2c} from Java's {@code HttpClient}) is declined here, before Grizzly would
 * stop decoding the body of an upgrading request (jersey#6059): the request is served as plain HTTP/1.1, as
 * RFC 9110 §7.8 allows. ADR 013 says why there is no HTTP/2.
 * <li>Requests that RFC 9112 says to refuse are refused here, with a SCIM Error body instead of Grizzly's empty
 * one: a missing, repeated or malformed {@code Host}; {@code Content-Length} together with
 * {@code Transfer-Encoding} (request smuggling); a transfer coding other than chunked (501); a body declared larger
 * than the limit (413, in {@link BufferedBodyHandler}); HTTP/2 and unknown versions (505); an oversized request line (414) or headers (431).
 * <li>Each request head has its deadline ({@link HeadDeadlines}).
 * </ul>
 * Every refusal logs one WARN line without a stack trace, through {@link RefusalLog}.
 */
final class ScimHttpCodec extends HttpServerFilter {

    private static final String STATUS = ScimHttpCodec.class.getName() + ".status";
    private static final String DETAIL = ScimHttpCodec.class.getName() + ".detail";
    private static final String REASON = ScimHttpCodec.class.getName() + ".reason";
    private static final String CLOSE_AFTER_RESPONSE = ScimHttpCodec.class.getName() + ".close";
    private static final String HTTP2_SETTINGS = "HTTP2-Settings";
    /** A DNS name or IPv4 address, or a bracketed IPv6 literal, then an optional port (RFC 9110 §7.2). */
    private static final Pattern HOST = Pattern.compile(
            "(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9.])?|\\[[0-9A-Fa-f:.]{2,45}])(?::[0-9]{1,5})?");

    private final HttpLimits limits;
    private final HeadDeadlines deadlines;
    private final RefusalLog log;

    @SuppressWarnings("deprecation") // the constructor Grizzly's own HttpServer uses for its codec
    ScimHttpCodec(NetworkListener listener, HttpLimits limits, HeadDeadlines deadlines, RefusalLog log) {
        super(listener.isChunkingEnabled(), limits.maxHeaderBytes(), null, listener.getKeepAlive(), null,
                limits.maxHeaderCount(), listener.getMaxResponseHeaders());
        this.limits = limits;
        this.deadlines = deadlines;
        this.log = log;
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        if (deadlines.timedOut(ctx.getConnection())) {
            return ctx.getStopAction();
        }
        boolean newRequest = deadlines.headPending(ctx.getConnection());
        deadlines.bytesArrived(ctx.getConnection());
        NextAction next = super.handleRead(ctx);
        if (newRequest && ctx.getMessage() instanceof HttpBrokenContent) {
            // Answered by onHttpContentError already; the handler never saw this request, so nothing upstream
            // waits for the news (Grizzly would only log the exception with its stack trace).
            return ctx.getStopAction();
        }
        return next;
    }

    @Override
    protected void onHttpHeadersParsed(HttpHeader header, MimeHeaders headers, FilterChainContext ctx) {
        super.onHttpHeadersParsed(header, headers, ctx);
        if (!deadlines.headArrived(ctx.getConnection())) {
            throw new HeadTooLate();
        }
    }

    @Override
    protected void onIncomingUpgrade(FilterChainContext ctx, HttpHeader header) {
        header.getUpgradeDC().recycle();
        MimeHeaders headers = header.getHeaders();
        headers.removeHeader(Header.Upgrade);
        headers.removeHeader(HTTP2_SETTINGS);
        String connection = headers.getHeader(Header.Connection);
        if (connection != null) {
            List<String> kept = new ArrayList<>();
            for (String option : connection.split(",")) {
                String name = option.strip();
                if (!name.isEmpty() && !name.equalsIgnoreCase("upgrade") && !name.equalsIgnoreCase(HTTP2_SETTINGS)) {
                    kept.add(name);
                }
            }
            if (kept.isEmpty()) {
                headers.removeHeader(Header.Connection);
            } else {
                headers.setValue(Header.Connection).setString(String.join(", ", kept));
            }
        }
    }

    @Override
    protected boolean onHttpHeaderParsed(HttpHeader header, Buffer buffer, FilterChainContext ctx) {
        HttpRequestPacket request = (HttpRequestPacket) header;
        if (super.onHttpHeaderParsed(header, buffer, ctx)) {
            int status = request.getResponse().getStatus();
            if (status == 505) {
                return refuse(request, 505, "unsupported HTTP version", "This server speaks HTTP/1.1 and 1.0.");
            }
            if (request.getHeaders().getHeader(Header.Host) == null) {
                return refuse(request, 400, "no Host header", "An HTTP/1.1 request needs a Host header.");
            }
            if (request instanceof HttpPacketParsing parsing && parsing.getHeaderParsingState().contentLengthsDiffer) {
                return refuse(request, 400, "conflicting Content-Length headers",
                        "The request has Content-Length headers that disagree; send one.");
            }
            return refuse(request, 400, "a body on " + request.getMethod().getMethodString(),
                    request.getMethod().getMethodString() + " requests take no body here.");
        }
        return checkSemantics(request);
    }

    private boolean checkSemantics(HttpRequestPacket request) {
        if (request.getProtocol() == Protocol.HTTP_2_0) {
            return refuse(request, 505, "HTTP/2 request line", "This port speaks HTTP/1.1; HTTP/2 is not offered.");
        }
        MimeHeaders headers = request.getHeaders();
        List<String> hosts = values(headers, Header.Host.toString());
        if (hosts.size() > 1) {
            return refuse(request, 400, "several Host headers", "The request must carry exactly one Host header.");
        }
        if (hosts.size() == 1 && !(HOST.matcher(hosts.get(0)).matches() && validPort(hosts.get(0)))) {
            return refuse(request, 400, "malformed Host header",
                    "The Host header must be a host name or IP address with an optional port.");
        }
        Optional<String> badField = badField(headers);
        if (badField.isPresent()) {
            return refuse(request, 400, badField.get(), "A header field is malformed: " + badField.get()
                    + " (RFC 9112 §5).");
        }
        List<String> codings = values(headers, Header.TransferEncoding.toString());
        if (!codings.isEmpty()) {
            boolean withLength = request instanceof HttpPacketParsing parsing
                    && parsing.getHeaderParsingState().contentLengthHeadersCount > 0;
            if (withLength) {
                return refuse(request, 400, "both Content-Length and Transfer-Encoding",
                        "A request must not carry both Content-Length and Transfer-Encoding.");
            }
            boolean onlyChunked = String.join(",", codings).strip().equalsIgnoreCase("chunked");
            if (!onlyChunked) {
                return refuse(request, 501, "transfer coding other than chunked",
                        "The only transfer coding this server accepts is chunked.");
            }
        }
        return false;
    }

    /** A field name that is not an RFC 9110 token (such as a space before the colon), or a control character. */
    private static Optional<String> badField(MimeHeaders headers) {
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.getName(i).toString();
            if (name.isEmpty() || !name.chars().allMatch(ScimHttpCodec::isTokenChar)) {
                return Optional.of("a field name that is not a token");
            }
            String value = headers.getValue(i).toString();
            if (value != null && value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
                return Optional.of("a control character in the value of " + name);
            }
        }
        return Optional.empty();
    }

    private static boolean isTokenChar(int c) {
        return c < 0x80 && (Character.isLetterOrDigit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0);
    }

    private static boolean validPort(String host) {
        int colon = host.lastIndexOf(':');
        if (colon < 0 || host.endsWith("]")) {
            return true;
        }
        return Integer.parseInt(host.substring(colon + 1)) <= 65535;
    }

    private static List<String> values(MimeHeaders headers, String name) {
        List<String> values = new ArrayList<>();
        headers.values(name).forEach(values::add);
        return values;
    }

    private static boolean refuse(HttpRequestPacket request, int status, String reason, String detail) {
        request.setAttribute(STATUS, status);
        request.setAttribute(REASON, reason);
        request.setAttribute(DETAIL, detail);
        request.getProcessingState().setError(true);
        return true;
    }

    @Override
    protected void onHttpHeaderError(HttpHeader header, FilterChainContext ctx, Throwable error) throws IOException {
        if (error instanceof HeadTooLate) {
            return;
        }
        HttpRequestPacket request = (HttpRequestPacket) header;
        if (request.getAttribute(STATUS) == null) {
            classify(request, error);
        }
        int status = (Integer) request.getAttribute(STATUS);
        answerInHttp11(request);
        request.getResponse().setStatus(status);
        request.getResponse().setReasonPhrase(EdgeErrors.reasonPhrase(status));
        log.refused(ctx.getConnection(), status, (String) request.getAttribute(REASON));
        super.onHttpHeaderError(header, ctx, error);
    }

    /**
     * A request line that never ended reads as HTTP/0.9, to which Grizzly answers with a bare body; an unknown
     * version cannot be answered at all. The refusal goes out as HTTP/1.1 either way.
     */
    private static void answerInHttp11(HttpRequestPacket request) {
        Protocol protocol;
        try {
            protocol = request.getProtocol();
        } catch (IllegalStateException unknownVersion) {
            protocol = Protocol.HTTP_0_9;
        }
        if (protocol == Protocol.HTTP_0_9) {
            request.setProtocol(Protocol.HTTP_1_1);
        }
    }

    /** Grizzly's own parse failures carry only a message; it says which limit or rule was broken. */
    private void classify(HttpRequestPacket request, Throwable error) {
        if (error instanceof NumberFormatException) {
            refuse(request, 400, "unparseable Content-Length",
                    "Content-Length must be one non-negative decimal number.");
            return;
        }
        String message = error.getMessage() == null ? error.getClass().getName() : error.getMessage();
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("intial line is too large") || lower.contains("initial line is too large")) {
            refuse(request, 414, message, "The request line is longer than " + limits.maxHeaderBytes()
                    + " bytes; send a long filter in the body of POST /Users/.search instead.");
        } else if (lower.contains("header is too large") || lower.contains("number of headers")) {
            refuse(request, 431, message, "The request headers exceed " + limits.maxHeaderBytes() + " bytes or "
                    + limits.maxHeaderCount() + " fields.");
        } else if (lower.contains("content-length") || lower.contains("content length")) {
            refuse(request, 400, message, "Content-Length must be one non-negative decimal number.");
        } else {
            refuse(request, 400, message, "The request line or a header field is malformed (RFC 9112).");
        }
    }

    @Override
    protected void onHttpContentError(HttpHeader header, FilterChainContext ctx, Throwable error)
            throws IOException {
        HttpRequestPacket request = (HttpRequestPacket) header;
        if (!request.getResponse().isCommitted()) {
            refuse(request, 400, "malformed body: " + error.getMessage(),
                    "The request body's chunked encoding is malformed.");
            request.getResponse().setStatus(400);
            log.refused(ctx.getConnection(), 400, (String) request.getAttribute(REASON));
        }
        super.onHttpContentError(header, ctx, error);
    }

    @Override
    protected HttpContent customizeErrorResponse(HttpResponsePacket response) {
        HttpRequestPacket request = response.getRequest();
        Object detail = request == null ? null : request.getAttribute(DETAIL);
        byte[] body = EdgeErrors.body(response.getStatus(),
                detail instanceof String text ? text : "The request is malformed.");
        response.setContentType(ScimMediaTypes.SCIM_JSON);
        response.setContentLength(body.length);
        response.setHeader(Header.Connection, "close");
        // What parsed of a refused head may be partial; RequestIds echoes only a well-formed id.
        response.setHeader(RequestIds.HEADER, RequestIds.of(Optional.ofNullable(request)
                .map(refused -> refused.getHeader(RequestIds.HEADER))));
        return HttpContent.builder(response)
                .content(Buffers.wrap(MemoryManager.DEFAULT_MEMORY_MANAGER, body))
                .last(true)
                .build();
    }

    /**
     * Closes the connection once this request's response is out, rather than reading on to skip the rest of a
     * body the server refused: that rest may never come, or be taken for the next request.
     */
    static void closeAfterResponse(HttpRequestPacket request) {
        request.setAttribute(CLOSE_AFTER_RESPONSE, Boolean.TRUE);
    }

    @Override
    public NextAction handleEvent(FilterChainContext ctx, FilterChainEvent event) throws IOException {
        if (event.type() != HttpEvents.ResponseCompleteEvent.TYPE) {
            return super.handleEvent(ctx, event);
        }
        HttpContext context = HttpContext.get(ctx);
        HttpRequestPacket request = context == null ? null : context.getRequest();
        // After a refusal Grizzly reads on to skip the rest of the body, so that the client, still sending, gets
        // to read the answer; that rest is not a new request, and gets a deadline that closes without a 408.
        boolean bodyStillComing = request != null && request.getResponse().getStatus() >= 400
                && request.isExpectContent();
        deadlines.responseComplete(ctx.getConnection(), bodyStillComing);
        boolean close = context != null && context.getRequest() != null
                && Boolean.TRUE.equals(context.getRequest().getAttribute(CLOSE_AFTER_RESPONSE));
        NextAction next = super.handleEvent(ctx, event);
        if (close) {
            ctx.getConnection().closeSilently();
        }
        return next;
    }

    @Override
    public NextAction handleClose(FilterChainContext ctx) throws IOException {
        deadlines.connectionClosed(ctx.getConnection());
        return super.handleClose(ctx);
    }

    /** Thrown into Grizzly's parser when a head completes after its 408 went out, so the request is dropped. */
    private static final class HeadTooLate extends RuntimeException {
        HeadTooLate() {
            super("request head completed after its deadline", null, false, false);
        }
    }
}
