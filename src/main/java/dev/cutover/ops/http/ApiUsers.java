package dev.cutover.ops.http;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Checks the credentials of the HTTP API's users against {@link ApiUsersConfig}. Fails closed: with
 * no user configured, or a user without a password, nobody is authenticated (and {@code serve} says
 * so when it starts). Passwords are compared in constant time and never logged.
 */
@ApplicationScoped
public class ApiUsers {

    private static final Logger LOG = Logger.getLogger(ApiUsers.class);

    @Inject
    ApiUsersConfig config;

    /** @return the user's roles when the password is the configured one; empty otherwise */
    public Optional<Set<String>> authenticate(String username, char[] password) {
        return authenticate(config.users(), username, password);
    }

    static Optional<Set<String>> authenticate(Map<String, ApiUsersConfig.User> users, String username, char[] password) {
        ApiUsersConfig.User user = username == null ? null : users.get(username);
        String expected = user == null ? null : user.password().filter(p -> !p.isBlank()).orElse(null);
        // compare even for an unknown user, so that the answer takes as long whether the user exists or not;
        // hashing first makes both sides as long as each other, so the comparison leaks no length either
        boolean equal = MessageDigest.isEqual(sha256(password), sha256(expected == null ? new char[0] : expected.toCharArray()));
        if (expected == null || !equal) {
            return Optional.empty();
        }
        Set<String> roles = new TreeSet<>(user.roles());
        roles.retainAll(Roles.ALL);
        return Optional.of(roles);
    }

    /** @return each user who can log in, with its roles, sorted by name: e.g. {@code olivia (operator)} */
    public List<String> logins() {
        return new TreeMap<>(config.users()).entrySet().stream()
                .filter(u -> u.getValue().password().filter(p -> !p.isBlank()).isPresent())
                .map(u -> u.getKey() + " (" + String.join(", ", new TreeSet<>(u.getValue().roles())) + ")")
                .toList();
    }

    void warnWhenServing(@Observes StartupEvent started) {
        if (!ConfigProvider.getConfig().getOptionalValue("quarkus.http.host-enabled", Boolean.class).orElse(true)) {
            return; // a CLI command: no HTTP API, nothing to warn about
        }
        long usable = config.users().values().stream().filter(u -> u.password().filter(p -> !p.isBlank()).isPresent()).count();
        if (usable == 0) {
            LOG.warn("no HTTP API user is configured (cutover.api.users.<name>.password and .roles): every /api request is refused with 401");
        }
        config.users().forEach((name, user) -> {
            if (user.password().filter(p -> !p.isBlank()).isEmpty()) {
                LOG.warnf("HTTP API user %s has no password: it cannot log in", name);
            }
            Set<String> unknown = new TreeSet<>(user.roles());
            unknown.removeAll(Roles.ALL);
            if (!unknown.isEmpty()) {
                LOG.warnf("HTTP API user %s has unknown roles %s (known: %s): they grant nothing", name, unknown,
                        new TreeSet<>(Roles.ALL));
            }
        });
    }

    private static byte[] sha256(char[] secret) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(secret));
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
