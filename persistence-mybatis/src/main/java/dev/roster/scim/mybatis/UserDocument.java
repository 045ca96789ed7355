package dev.roster.scim.mybatis;

import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.mapping.UserResources;
import dev.roster.scim.core.model.Email;
import dev.roster.scim.core.model.Name;
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
                .put(NAME, UserResources.nameToScim(name))
                .put(EMAILS, new ScimArray(emails.stream().<ScimValue>map(UserResources::emailToScim).toList()))
                .put(OTHER, otherAttributes)
                .build());
    }

    static UserDocument fromJson(String json) {
        ScimObject document = ScimJson.readStoredObject(json);
        return new UserDocument(
                UserResources.nameOf(document.getObject(NAME).orElse(ScimObject.EMPTY)),
                UserResources.emailsOf(document.getArray(EMAILS).orElse(ScimArray.EMPTY)),
                document.getObject(OTHER).orElse(ScimObject.EMPTY));
    }
}
