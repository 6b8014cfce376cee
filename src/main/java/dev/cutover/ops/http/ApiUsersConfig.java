package dev.cutover.ops.http;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The users of the HTTP API: {@code cutover.api.users.<name>.password} and
 * {@code cutover.api.users.<name>.roles} ({@code viewer} and/or {@code operator}). In Kubernetes they
 * come from a Secret as environment variables, e.g. {@code CUTOVER_API_USERS_OPS_PASSWORD} and
 * {@code CUTOVER_API_USERS_OPS_ROLES} for the user {@code ops} (names: lower-case letters and digits,
 * so that the variable maps back to one name).
 */
@ConfigMapping(prefix = "cutover.api")
public interface ApiUsersConfig {

    Map<String, User> users();

    interface User {

        /** Optional so that a user half configured disables that user, not every CLI command. */
        Optional<String> password();

        /** Least privilege unless told otherwise. */
        @WithDefault(Roles.VIEWER)
        Set<String> roles();
    }
}
