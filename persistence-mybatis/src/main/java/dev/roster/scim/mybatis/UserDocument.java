package dev.roster.scim.mybatis;

import dev.roster.scim.core.model.Email;
import dev.roster.scim.core.model.Name;
import dev.roster.scim.core.model.ScimArray;
import dev.roster.scim.core.model.ScimObject;
import dev.roster.scim.core.model.ScimValue;
import dev.roster.scim.jackson.ScimJson;

import java.util.List;

/**
 * The {@code document} column: the parts of a user that have no column of their own or that a column keeps only
 * folded or in part (every name component, the emails in order, {@code otherAttributes}), as JSON. Storage format,
 * not SCIM: member names are this class's own.
 */
record UserDocument(Name name, List<Email> emails, ScimObject otherAttributes) {

    private static final String NAME = "name";
    private static final String EMAILS = "emails";
    private static final String OTHER = "otherAttributes";

    UserDocument {
        emails = List.copyOf(emails);
    }

    String toJson() {
        return ScimJson.write(ScimObject.builder()
                .put(NAME, nameObject(name))
                .put(EMAILS, new ScimArray(emails.stream().map(UserDocument::emailObject).toList()))
                .put(OTHER, otherAttributes)
                .build());
    }

    static UserDocument fromJson(String json) {
        ScimObject document = ScimJson.readObject(json);
        ScimObject name = document.getObject(NAME).orElse(ScimObject.EMPTY);
        List<Email> emails = document.getArray(EMAILS).map(ScimArray::values).orElse(List.of()).stream()
                .map(ScimObject.class::cast)
                .map(UserDocument::email)
                .toList();
        return new UserDocument(
                new Name(name.getString("formatted"), name.getString("familyName"), name.getString("givenName"),
                        name.getString("middleName"), name.getString("honorificPrefix"),
                        name.getString("honorificSuffix")),
                emails,
                document.getObject(OTHER).orElse(ScimObject.EMPTY));
    }

    private static ScimObject nameObject(Name name) {
        return ScimObject.builder()
                .putStringIfPresent("formatted", name.formatted())
                .putStringIfPresent("familyName", name.familyName())
                .putStringIfPresent("givenName", name.givenName())
                .putStringIfPresent("middleName", name.middleName())
                .putStringIfPresent("honorificPrefix", name.honorificPrefix())
                .putStringIfPresent("honorificSuffix", name.honorificSuffix())
                .build();
    }

    private static ScimValue emailObject(Email email) {
        return ScimObject.builder()
                .put("value", email.value())
                .putStringIfPresent("type", email.type())
                .put("primary", email.primary())
                .putStringIfPresent("display", email.display())
                .build();
    }

    private static Email email(ScimObject object) {
        return new Email(object.getString("value").orElseThrow(), object.getString("type"),
                object.getBoolean("primary").orElse(false), object.getString("display"));
    }
}
