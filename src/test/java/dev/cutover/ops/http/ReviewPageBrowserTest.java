package dev.cutover.ops.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cutover.framework.activate.GenerationSwitch;
import dev.cutover.framework.source.server.LegacySourceData;
import dev.cutover.migrations.notifications.demo.DemoRules;
import dev.cutover.support.Api;
import dev.cutover.support.Apply;
import dev.cutover.support.TestSources;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The review page in a real browser (headless chromium): a reviewer sees the verdict with each refusal
 * and the apply command, reaches any entity and any skipped or anomalous record through the page's own
 * paging and filters, and sees what an apply would change in the executing generation.
 */
@QuarkusTest
class ReviewPageBrowserTest {

    private static final String ROW = "#%s tr:not(:first-child)";

    @Inject
    GenerationSwitch generations;

    @TestHTTPResource("/")
    URL root;

    @BeforeEach
    @AfterEach
    void startFromLegacy() {
        Apply.startFromLegacy(generations);
    }

    @Test
    void demoPlanShowsEachRefusalAndTheApplyCommandAndReachesEntitiesAndRecordsBeyondTheFirstScreen() {
        long id = Api.start("plan", Map.of("demo", true));
        String digest = Api.awaitEnd(id).getString("digest");
        String page = root + "api/executions/" + id + "/report?format=html&size=20";
        try (ReviewBrowser browser = ReviewBrowser.start("victor", "viewer-secret")) {
            browser.open(page);
            assertThat(browser.text("#decision")).isEqualTo("REFUSED");
            assertThat(browser.texts("#refusals li code")).containsExactlyElementsOf(new java.util.TreeSet<>(DemoRules.ANOMALY_CODES));
            assertThat(browser.text("#apply-command"))
                    .isEqualTo("cutover apply notification-rules-v2 --demo --plan-digest " + digest);

            List<String> firstEntities = browser.texts("#entity-rows tr td:nth-child(2)");
            browser.follow("#entities-filter + .pager a.last");
            List<String> lastEntities = browser.texts("#entity-rows tr td:nth-child(2)");
            String entity = lastEntities.get(lastEntities.size() - 1);
            assertThat(firstEntities).hasSize(20).doesNotContain(entity);
            browser.element("#entities-filter input[name=entity]").sendKeys(entity);
            browser.submit("#entities-filter");
            assertThat(browser.texts("#entity-rows tr td:nth-child(2)")).containsExactly(entity);

            for (String kind : List.of("SKIPPED", "ANOMALY")) {
                browser.open(page);
                List<String> firstRecords = browser.texts(ROW.formatted("record-rows"));
                new Select(browser.element("#records-filter select[name=kind]")).selectByValue(kind);
                browser.submit("#records-filter");
                browser.follow("#records-filter + .pager a.last");
                List<String> rows = browser.texts(ROW.formatted("record-rows") + "." + kind);
                List<String> ids = browser.texts("#record-rows tr." + kind + " td.id");
                int pick = lastWithAnId(ids);
                String record = rows.get(pick);
                assertThat(firstRecords).as(kind).hasSize(20).doesNotContain(record);

                // an id may be part of others' ids: the answer gets room for all of them
                browser.open(page.replace("size=20", "size=500"));
                browser.element("#records-filter input[name=record]").sendKeys(ids.get(pick));
                browser.submit("#records-filter");
                assertThat(browser.texts(ROW.formatted("record-rows"))).as(kind).contains(record);
            }
        }
    }

    @Test
    void changedPlanAfterAnApplyShowsAddedRemovedAndChangedEntitiesAndMarkupAsText() {
        try (TestSources sources = TestSources.start(1, 40, 100)) {
            Map<String, Object> body = Map.of("sources", Map.of("s1", sources.get(1).baseUrl()));
            assertThat(Api.awaitEnd(Api.start("apply", body)).getString("exitStatus")).isEqualTo("ACTIVATED");
            int generation = generations.current(Api.MIGRATION).generation();
            LegacySourceData data = sources.get(1).data();
            data.delete("s1-r0");
            ObjectNode changed = TestSources.rules("s1", 2).get(1).deepCopy();
            changed.put("version", 2);
            ((ArrayNode) changed.at("/spec/recipients")).add("someone-else@s1.example");
            data.upsert(changed);
            ObjectNode added = TestSources.rules("s1", 1).get(0).deepCopy();
            data.upsert(added.put("id", "s1-new").put("tenant", "tenant-new"));
            ObjectNode markup = TestSources.rules("s1", 1).get(0).deepCopy();
            data.upsert(markup.put("id", ReviewData.MARKUP_ID).put("enabled", false));

            long plan = Api.start("plan", body);
            JsonPath planned = Api.awaitEnd(plan);
            assertThat(planned.getString("verdict.decision")).isEqualTo("STAGE");
            try (ReviewBrowser browser = ReviewBrowser.start("victor", "viewer-secret")) {
                browser.open(root + "api/executions/" + plan + "/report?format=html");
                assertThat(browser.text("#decision")).isEqualTo("STAGE");
                assertThat(browser.text("#executing")).startsWith("Generation " + generation + " executes now");
                assertThat(browser.texts("#change-counts td")).containsExactly("1", "1", "1", "38");
                assertThat(browser.texts("#change-rows tr td:nth-child(2)"))
                        .containsExactlyInAnyOrder("ADDED", "REMOVED", "CHANGED");
                assertThat(browser.text("#change-rows tr.CHANGED td:nth-child(3)")).doesNotContain("someone-else");
                assertThat(browser.text("#change-rows tr.CHANGED td:nth-child(4)")).contains("someone-else@s1.example");
                assertThat(browser.text("#change-rows tr.ADDED td:nth-child(4)")).contains("tenant-new");

                new Select(browser.element("#changes-filter select[name=change]")).selectByValue("REMOVED");
                browser.submit("#changes-filter");
                assertThat(browser.texts("#change-rows tr td:nth-child(2)")).containsExactly("REMOVED");

                assertThat(browser.texts("#record-rows td.id")).contains(ReviewData.MARKUP_ID);
                assertThat(browser.pageSource()).doesNotContain("<script");
            }
        }
    }

    /** Records without a usable id are shown by index, which the text filter does not search. */
    private static int lastWithAnId(List<String> ids) {
        for (int i = ids.size() - 1; i >= 0; i--) {
            if (!ids.get(i).startsWith("(index ")) {
                return i;
            }
        }
        throw new AssertionError("no record with an id on the last page: " + ids);
    }
}
