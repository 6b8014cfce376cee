package dev.cutover.migrations.ratelimits.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KvKeyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ratelimits/orders|orders|*|*",
            "ratelimits/orders/routes/%2Forders%2F%7Bid%7D|orders|/orders/{id}|*",
            "ratelimits/orders/routes/%2forders%2f%7bid%7d|orders|/orders/{id}|*",
            "ratelimits/orders/routes/%2Forders/tiers/premium|orders|/orders|premium",
            "ratelimits/orders/routes/%2Forders/tiers/ PREMIUM |orders|/orders|premium",
            "ratelimits/a-1/routes/%2F%C3%A9t%C3%A9|a-1|/été|*",
            "ratelimits/orders/routes/plain-route|orders|plain-route|*" })
    void aKeyOfTheLayoutAddressesOneSetting(String key, String service, String route, String tier) {
        assertThat(KvKey.parse(key).setting()).isEqualTo(new KvKey.Setting(service, route, tier));
    }

    @ParameterizedTest
    @ValueSource(strings = { "ratelimits/", "ratelimits/orders/", "ratelimits/orders/routes/", "ratelimits/orders/routes/%2Fa/tiers/" })
    void aKeyEndingInASlashIsAFolder(String key) {
        assertThat(KvKey.parse(key).folder()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "other/orders|key: does not start with 'ratelimits/'",
            "ratelimits/Orders|key: service \"Orders\" is not [a-z0-9-]+",
            "ratelimits/orders/paths/%2Fa|key: is not ratelimits/<service>[/routes/<route>[/tiers/<tier>]]",
            "ratelimits/orders/routes|key: is not ratelimits/<service>[/routes/<route>[/tiers/<tier>]]",
            "ratelimits/orders/routes/%2Fa/tiers/free/x|key: is not ratelimits/<service>[/routes/<route>[/tiers/<tier>]]",
            "ratelimits//routes/%2Fa|key: service \"\" is not [a-z0-9-]+",
            "ratelimits/orders/routes/%ZZ|key: route \"%ZZ\" is not a percent-encoded UTF-8 pattern (non-empty, not '*', no control characters)",
            "ratelimits/orders/routes/%2|key: route \"%2\" is not a percent-encoded UTF-8 pattern (non-empty, not '*', no control characters)",
            "ratelimits/orders/routes/%C3|key: route \"%C3\" is not a percent-encoded UTF-8 pattern (non-empty, not '*', no control characters)",
            "ratelimits/orders/routes/%00|key: route \"%00\" is not a percent-encoded UTF-8 pattern (non-empty, not '*', no control characters)",
            "ratelimits/orders/routes/*|key: route \"*\" is not a percent-encoded UTF-8 pattern (non-empty, not '*', no control characters)" })
    void aKeyOutsideTheLayoutIsMalformed(String key, String detail) {
        KvKey.Parsed parsed = KvKey.parse(key);
        assertThat(parsed.problem().code()).isEqualTo(RateAnomaly.MALFORMED_KEY);
        assertThat(parsed.problem().detail()).isEqualTo(detail);
    }

    @Test
    void anUnknownTierIsItsOwnCode() {
        KvKey.Parsed parsed = KvKey.parse("ratelimits/orders/routes/%2Fa/tiers/gold");
        assertThat(parsed.problem().code()).isEqualTo(RateAnomaly.UNKNOWN_TIER);
        assertThat(parsed.problem().detail()).isEqualTo("key: tier \"gold\" is not one of [free, standard, premium, internal]");
    }

    @Test
    void aLoneSurrogateInARouteIsMalformed() {
        assertThat(KvKey.parse("ratelimits/orders/routes/a\uD800b").problem().code()).isEqualTo(RateAnomaly.MALFORMED_KEY);
    }
}
