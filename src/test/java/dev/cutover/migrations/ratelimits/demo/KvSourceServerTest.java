package dev.cutover.migrations.ratelimits.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.TextNode;

import dev.cutover.framework.source.SourceChange;
import dev.cutover.framework.source.SourceFailure;
import dev.cutover.framework.source.SourcePage;
import dev.cutover.migrations.ratelimits.source.KvProtocol;

class KvSourceServerTest {

    private KvStore store;
    private KvSourceServer server;
    private String url;

    @BeforeEach
    void start() {
        store = new KvStore();
        for (int i = 0; i < 25; i++) {
            store.put("ratelimits/svc-" + i, TextNode.valueOf(i + 1 + "/s"));
        }
        server = new KvSourceServer("eu", store, 10);
        url = server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void pagesAreCappedAndChainedByOffsetUntilNull() throws Exception {
        SourcePage first = KvClient.page("eu", url, null, 100);
        assertThat(first.items()).hasSize(10);
        assertThat(first.nextCursor()).isEqualTo("10");
        assertThat(first.total()).isEqualTo(25);
        assertThat(first.watermark()).isEqualTo(25);
        assertThat(KvClient.listAll("eu", url)).hasSize(25);
        assertThat(KvClient.page("eu", url, "20", 100).nextCursor()).isNull();
    }

    @Test
    void aPageThatClosesMidBodyIsATransportFailureAndTheNextOneIsWhole() throws Exception {
        server.faults().arm(KvFaults.Fault.CLOSE_MID_BODY, 1);
        assertThatThrownBy(() -> KvClient.page("eu", url, null, 5)).isInstanceOf(IOException.class);
        assertThat(KvClient.page("eu", url, null, 5).items()).hasSize(5);
    }

    @Test
    void armedBadAnswersAreRefusedByTheProtocol() throws Exception {
        server.faults().arm(KvFaults.Fault.NO_INDEX_HEADER, 1);
        assertThatThrownBy(() -> KvClient.page("eu", url, "10", 5)).isInstanceOf(SourceFailure.class)
                .hasMessage("source eu, cursor '10': the answer has no X-Kv-Index header");
        server.faults().arm(KvFaults.Fault.TRUNCATED, 1);
        assertThatThrownBy(() -> KvClient.page("eu", url, "10", 5)).isInstanceOf(SourceFailure.class)
                .hasMessageContaining("the body is not JSON");
        server.faults().arm(KvFaults.Fault.UNAVAILABLE, 1);
        assertThat(KvClient.get(url, KvProtocol.INSTANCE.page(null, 5)).statusCode()).isEqualTo(503);
        assertThat(server.faults().listingRequests()).isEqualTo(3);
    }

    @Test
    void changesListWhatWasWrittenOrDeletedAfterAnIndex() throws Exception {
        long before = store.watermark();
        store.put("ratelimits/svc-3", TextNode.valueOf("99/s"));
        store.delete("ratelimits/svc-4");
        List<SourceChange> changes = new ArrayList<>();
        KvProtocol.INSTANCE.readChanges("eu", before, KvClient.answer(KvClient.get(url, KvProtocol.INSTANCE.changes(before))),
                changes::add);
        assertThat(changes).extracting(SourceChange::id, SourceChange::deleted)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ratelimits/svc-3", false),
                        org.assertj.core.groups.Tuple.tuple("ratelimits/svc-4", true));
        assertThat(KvClient.listAll("eu", url)).hasSize(24);
    }

    @Test
    void badRequestsAreRefused() throws Exception {
        var request = new dev.cutover.framework.source.SourceRequest("/v1/kv", java.util.Map.of("prefix", "other/"));
        assertThat(KvClient.get(url, request).statusCode()).isEqualTo(400);
        var noLimit = new dev.cutover.framework.source.SourceRequest("/v1/kv", java.util.Map.of("prefix", "ratelimits/", "limit", "0"));
        assertThat(KvClient.get(url, noLimit).statusCode()).isEqualTo(400);
        var other = new dev.cutover.framework.source.SourceRequest("/v1/other", java.util.Map.of("prefix", "ratelimits/"));
        assertThat(KvClient.get(url, other).statusCode()).isEqualTo(404);
    }
}
