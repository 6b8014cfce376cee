package dev.cutover.framework.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** A protocol's request becomes one URI below the source's base URL, every query value encoded. */
class SourceRequestUriTest {

    private static final SourceEndpoint EU = SourceEndpoint.of("eu", "http://127.0.0.1:8080/base/");

    @Test
    void pathGoesBelowTheBaseUrlAndParametersAreSortedByName() {
        assertThat(SourceClient.uri(EU, new SourceRequest("/v1/kv", Map.of("prefix", "ratelimits/", "offset", "200", "limit", "100"))))
                .hasToString("http://127.0.0.1:8080/base/v1/kv?limit=100&offset=200&prefix=ratelimits%2F");
    }

    @Test
    void opaqueCursorsTravelIntactWhateverTheyHold() {
        String cursor = "{a b}&c=d+e/é?#%";
        String uri = SourceClient.uri(EU, RulesApiProtocol.INSTANCE.page(cursor, 50)).toString();
        assertThat(uri).isEqualTo("http://127.0.0.1:8080/base/v1/rules?cursor=%7Ba%20b%7D%26c%3Dd%2Be%2F%C3%A9%3F%23%25&limit=50");
        assertThat(java.net.URI.create(uri).getQuery()).isEqualTo("cursor=" + cursor + "&limit=50");
    }

    @Test
    void theFirstPageOfTheRulesApiHasNoCursorParameter() {
        assertThat(RulesApiProtocol.INSTANCE.page(null, 100)).hasToString("/v1/rules?limit=100");
        assertThat(RulesApiProtocol.INSTANCE.changes(42)).hasToString("/v1/changes?since=42");
    }
}
