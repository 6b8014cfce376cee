package dev.cutover.migrations.notifications.normalize;

import dev.cutover.framework.toolkit.LegacyText;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The channels a rule can notify on (DESIGN.md §5 rule 6), each with its recipient rule (rule 10).
 * {@link #wireName()} is the normalized channel string of a policy.
 */
public enum Channel {

    /** Exactly one {@code @}, non-empty local part and domain, no blanks; compared lower-cased. */
    EMAIL {
        @Override
        Optional<String> normalizeRecipient(String trimmed) {
            int at = trimmed.indexOf('@');
            boolean valid = at > 0 && at == trimmed.lastIndexOf('@') && at < trimmed.length() - 1
                    && trimmed.codePoints().noneMatch(Channel::isBlank);
            return valid ? Optional.of(trimmed.toLowerCase(Locale.ROOT)) : Optional.empty();
        }
    },

    /** {@code +} and 8–15 digits once the usual separators are removed; kept without them. */
    SMS {
        @Override
        Optional<String> normalizeRecipient(String trimmed) {
            String stripped = SMS_SEPARATORS.matcher(trimmed).replaceAll("");
            return SMS_NUMBER.matcher(stripped).matches() ? Optional.of(stripped) : Optional.empty();
        }
    },

    /** An absolute http(s) URL with a host; kept as written (trimmed) since the receiver sees it so. */
    WEBHOOK {
        @Override
        Optional<String> normalizeRecipient(String trimmed) {
            try {
                URI uri = new URI(trimmed);
                boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
                return http && uri.getHost() != null ? Optional.of(trimmed) : Optional.empty();
            } catch (URISyntaxException e) {
                return Optional.empty();
            }
        }
    },

    /** Any non-blank key; pager keys are opaque to us. */
    PAGER {
        @Override
        Optional<String> normalizeRecipient(String trimmed) {
            return trimmed.isEmpty() ? Optional.empty() : Optional.of(trimmed);
        }
    };

    private static final Pattern SMS_SEPARATORS = Pattern.compile("[ .-]");
    private static final Pattern SMS_NUMBER = Pattern.compile("\\+[0-9]{8,15}");

    /**
     * @param trimmed a recipient entry already trimmed (rule 10 trims before validating)
     * @return the normalized recipient, or empty when it is invalid for this channel
     */
    abstract Optional<String> normalizeRecipient(String trimmed);

    /** @return the channel as policies and exports spell it, e.g. {@code email} */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the channel of a legacy value: trimmed, lower-cased, exact match; empty when unknown */
    public static Optional<Channel> fromLegacy(String value) {
        String normalized = LegacyText.trim(value).toLowerCase(Locale.ROOT);
        for (Channel channel : values()) {
            if (channel.wireName().equals(normalized)) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }

    /** @return the channel names for details, e.g. {@code email, sms, webhook or pager} */
    static String choices() {
        return "email, sms, webhook or pager";
    }

    // a no-break space is a blank to a reader even though Character.isWhitespace says otherwise
    private static boolean isBlank(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }
}
