package dev.roster.scim.core.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

class RedactionTest {

    @Test
    void secretLikeMembersAreMaskedAtAnyDepthAndTheRestIsKept() {
        ScimObject body = ScimObject.builder()
                .put("userName", "ann")
                .put("password", "hunter2")
                .put("urn:example:ext", ScimObject.builder().put("clientSecret", "s3").put("apiKey", "k")
                        .put("title", "boss").build())
                .put("emails", new ScimArray(List.of(ScimObject.builder().put("value", "a@x.org").build())))
                .build();

        ScimObject redacted = (ScimObject) Redaction.redact(body);

        assertThat(redacted.getAssigned("password")).contains(ScimValue.of(Redaction.MASK));
        ScimObject extension = (ScimObject) redacted.getAssigned("urn:example:ext").orElseThrow();
        assertThat(extension.getAssigned("clientSecret")).contains(ScimValue.of(Redaction.MASK));
        assertThat(extension.getAssigned("apiKey")).contains(ScimValue.of(Redaction.MASK));
        assertThat(extension.getAssigned("title")).contains(ScimValue.of("boss"));
        assertThat(redacted.getAssigned("userName")).contains(ScimValue.of("ann"));
        assertThat(redacted.toString()).doesNotContain("hunter2", "s3");
        assertThat(redacted.toString()).contains("a@x.org");
    }

    @Test
    void aPatchOperationOnASecretPathHasItsValueMasked() {
        ScimObject patch = ScimObject.builder()
                .put("Operations", new ScimArray(List.of(
                        ScimObject.builder().put("op", "replace").put("path", "password").put("value", "p1").build(),
                        ScimObject.builder().put("op", "replace").put("value", ScimObject.builder()
                                .put("PassWord", "p2").put("active", false).build()).build(),
                        ScimObject.builder().put("op", "replace").put("path", "active").put("value", false)
                                .build())))
                .build();

        String redacted = Redaction.redact(patch).toString();

        assertThat(redacted).doesNotContain("p1", "p2").contains("active");
        ScimArray operations = (ScimArray) ((ScimObject) Redaction.redact(patch)).getAssigned("Operations")
                .orElseThrow();
        assertThat(((ScimObject) operations.values().get(2)).getAssigned("value")).contains(ScimValue.of(false));
    }

    @ParameterizedTest
    @CsvSource({"Okta SCIM Client 1.0.0, OKTA", "OKTA SCIM Integration, OKTA",
            "Microsoft Azure AD SCIM Client, ENTRA_ID", "OneLogin SCIM, ONELOGIN", "curl/8.5.0, UNKNOWN"})
    void theIdentityProviderIsInferredFromTheUserAgent(String agent, IdentityProvider expected) {
        assertThat(IdentityProvider.fromUserAgent(agent)).isEqualTo(expected);
        assertThat(IdentityProvider.fromUserAgent(null)).isEqualTo(IdentityProvider.UNKNOWN);
    }

    @Test
    void statusRangesAreOneStatusAClassOrErrors() {
        assertThat(StatusRange.parse(Optional.of("4xx"))).isEqualTo(new StatusRange(400, 499));
        assertThat(StatusRange.parse(Optional.of("404"))).isEqualTo(new StatusRange(404, 404));
        assertThat(StatusRange.parse(Optional.of("errors"))).isEqualTo(new StatusRange(400, 599));
        assertThat(StatusRange.parse(Optional.empty())).isEqualTo(StatusRange.ALL);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StatusRange.parse(Optional.of("4x")))
                .isInstanceOf(dev.roster.scim.core.error.ScimException.class);
    }
}
