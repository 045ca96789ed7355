package dev.roster.scim.core.service;

import static dev.roster.scim.core.service.Fixture.failure;
import static dev.roster.scim.testkit.UserBuilder.user;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.model.User;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IfMatchTest {

    private final User versionThree = user("u-1", "ann").version(3).build();

    @ParameterizedTest
    @ValueSource(strings = {"W/\"3\"", "\"3\"", "*", " * ", "W/\"1\", W/\"3\"", "\"2\",\"3\"", " W/\"3\" "})
    void aTagOfTheCurrentVersionMatches(String header) {
        assertThatCode(() -> IfMatch.parse(header).check(versionThree)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"W/\"2\"", "\"4\"", "W/\"30\"", "\"\"", "W/\"1\", W/\"2\""})
    void anyOtherTagIsPreconditionFailed(String header) {
        failure(ScimErrorType.PRECONDITION_FAILED, () -> IfMatch.parse(header).check(versionThree));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "", "W/3", "\"3", "\"3\" \"4\"", "w/\"3\""})
    void aHeaderThatIsNotAnEntityTagListIsABadRequest(String header) {
        failure(ScimErrorType.BAD_REQUEST, () -> IfMatch.parse(header));
    }
}
