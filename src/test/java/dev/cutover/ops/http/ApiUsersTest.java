package dev.cutover.ops.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Credentials checks of the HTTP API users, without the application. */
class ApiUsersTest {

    record User(Optional<String> password, Set<String> roles) implements ApiUsersConfig.User {
    }

    private static final Map<String, ApiUsersConfig.User> USERS = Map.of(
            "ops", new User(Optional.of("s3cret"), Set.of("operator", "admin")),
            "nopass", new User(Optional.empty(), Set.of("operator")),
            "blank", new User(Optional.of("  "), Set.of("operator")));

    @Test
    void rightPasswordGivesTheKnownRolesOnly() {
        assertThat(ApiUsers.authenticate(USERS, "ops", "s3cret".toCharArray())).contains(Set.of("operator"));
    }

    @Test
    void wrongOrPrefixPasswordIsRefused() {
        assertThat(ApiUsers.authenticate(USERS, "ops", "s3cre".toCharArray())).isEmpty();
        assertThat(ApiUsers.authenticate(USERS, "ops", "s3cret ".toCharArray())).isEmpty();
        assertThat(ApiUsers.authenticate(USERS, "ops", new char[0])).isEmpty();
    }

    @Test
    void unknownUserIsRefused() {
        assertThat(ApiUsers.authenticate(USERS, "mallory", "s3cret".toCharArray())).isEmpty();
        assertThat(ApiUsers.authenticate(USERS, null, "s3cret".toCharArray())).isEmpty();
    }

    @Test
    void userWithoutOrWithBlankPasswordCannotLogInEvenWithAnEmptyOne() {
        assertThat(ApiUsers.authenticate(USERS, "nopass", new char[0])).isEmpty();
        assertThat(ApiUsers.authenticate(USERS, "blank", "  ".toCharArray())).isEmpty();
        assertThat(ApiUsers.authenticate(USERS, "blank", new char[0])).isEmpty();
    }

    @Test
    void noUserConfiguredRefusesEveryone() {
        assertThat(ApiUsers.authenticate(Map.of(), "ops", "s3cret".toCharArray())).isEmpty();
        assertThat(ApiUsers.authenticate(Map.of(), "", new char[0])).isEmpty();
    }
}
