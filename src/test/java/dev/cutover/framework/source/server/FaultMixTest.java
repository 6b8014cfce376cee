package dev.cutover.framework.source.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cutover.framework.source.server.FaultMix.Draw;
import dev.cutover.framework.source.server.FaultMix.Fault;
import dev.cutover.support.HandClock;

/** The seeded fault mix: its shares, its bound on faults in a row, and its Retry-After ledger. */
class FaultMixTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    @Test
    void theSameSeedDrawsTheSameFaults() {
        assertThat(draws(new FaultMix(7, TIMEOUT, 5), 500)).isEqualTo(draws(new FaultMix(7, TIMEOUT, 5), 500))
                .isNotEqualTo(draws(new FaultMix(8, TIMEOUT, 5), 500));
    }

    @Test
    void theSharesAreThoseOfTheIssue() {
        FaultMix mix = new FaultMix(1, TIMEOUT, 1000);
        List<Draw> draws = draws(mix, 20_000);
        Map<Fault, Integer> injected = mix.injected();
        assertThat(injected.get(Fault.SERVER_ERROR) / 20_000.0).isBetween(0.28, 0.32);
        assertThat(injected.get(Fault.THROTTLE_SECONDS) / 20_000.0).isBetween(0.04, 0.06);
        assertThat(injected.get(Fault.THROTTLE_DATE) / 20_000.0).isBetween(0.04, 0.06);
        assertThat(injected.get(Fault.TIMEOUT) / 20_000.0).isBetween(0.04, 0.06);
        assertThat(injected.get(Fault.SPIKE) / 20_000.0).isBetween(0.08, 0.10);
        assertThat(draws).filteredOn(d -> d.status() != 0).allMatch(d -> d.status() == 429 || d.status() >= 500 && d.status() <= 504);
        assertThat(draws).filteredOn(d -> d.delayMillis() == TIMEOUT.toMillis()).hasSize(injected.get(Fault.TIMEOUT))
                .allMatch(d -> d.status() == 0, "a timeout holds the normal answer");
        assertThat(draws).filteredOn(d -> d.delayMillis() > 0 && d.delayMillis() < TIMEOUT.toMillis())
                .allMatch(d -> d.delayMillis() >= 50 && d.delayMillis() <= 400);
    }

    @Test
    void afterMaxInARowFaultedAnswersTheNextIsAnsweredNormally() {
        List<Draw> draws = draws(new FaultMix(3, TIMEOUT, 2), 5_000);
        int inARow = 0;
        int longest = 0;
        for (Draw draw : draws) {
            boolean faulted = draw.status() != 0 || draw.delayMillis() == TIMEOUT.toMillis();
            inARow = faulted ? inARow + 1 : 0;
            longest = Math.max(longest, inARow);
        }
        assertThat(longest).isEqualTo(2);
    }

    @Test
    void aRequestBeforeTheAnnouncedSecondsIsEarlyAndOneAtTheDeadlineIsNot() {
        HandClock clock = new HandClock(Instant.parse("2026-01-05T10:00:00.250Z"));
        FaultMix mix = new FaultMix(1, TIMEOUT, 5, clock);
        assertThat(mix.retryAfter(new Draw(429, Fault.THROTTLE_SECONDS, 0))).isEqualTo("1");
        clock.set(Instant.parse("2026-01-05T10:00:01.249Z"));
        mix.observe("/v1/rules?cursor=a");
        assertThat(mix.earlyRequests()).isEqualTo(1);
        assertThat(mix.early()).singleElement().asString().contains("/v1/rules?cursor=a arrived 1.000 ms before");
        clock.set(Instant.parse("2026-01-05T10:00:01.250Z"));
        mix.observe("/v1/rules?cursor=a");
        assertThat(mix.earlyRequests()).isEqualTo(1);
        assertThat(mix.requests()).isEqualTo(2);
    }

    @Test
    void anHttpDateDeadlineIsTheWholeSecondItAnnounces() {
        HandClock clock = new HandClock(Instant.parse("2026-01-05T10:00:00.900Z"));
        FaultMix mix = new FaultMix(1, TIMEOUT, 5, clock);
        // now + 1 s is 10:00:01.900, which the date can only say as 10:00:01
        assertThat(mix.retryAfter(new Draw(429, Fault.THROTTLE_DATE, 0))).isEqualTo("Mon, 05 Jan 2026 10:00:01 GMT");
        clock.set(Instant.parse("2026-01-05T10:00:00.999Z"));
        mix.observe("early");
        clock.set(Instant.parse("2026-01-05T10:00:01Z"));
        mix.observe("on time");
        assertThat(mix.earlyRequests()).isEqualTo(1);
        assertThat(mix.early()).singleElement().asString().startsWith("early arrived 1.000 ms");
    }

    private static List<Draw> draws(FaultMix mix, int count) {
        List<Draw> draws = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            draws.add(mix.arrive("/v1/rules"));
        }
        return draws;
    }
}
