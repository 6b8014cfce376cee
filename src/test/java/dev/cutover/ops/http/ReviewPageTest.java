package dev.cutover.ops.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cutover.framework.activate.GenerationSwitch;
import dev.cutover.support.Api;
import dev.cutover.support.Apply;
import dev.cutover.support.TestSources;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The review page and the execution say whether apply would go ahead and how to apply; the page lists
 * every entity and every record that did not migrate a page at a time, and shows legacy text as text.
 */
@QuarkusTest
class ReviewPageTest {

    @Inject
    GenerationSwitch generations;

    @BeforeEach
    @AfterEach
    void startFromLegacy() {
        Apply.startFromLegacy(generations);
    }

    @Test
    void executionAndReportSayWhetherApplyWouldGoAheadAndHowToApply() {
        try (TestSources sources = ReviewData.serve()) {
            Map<String, Object> refusedBody = Map.of("sources", Map.of(ReviewData.SOURCE, sources.get(1).baseUrl()));
            JsonPath refused = Api.awaitEnd(Api.start("plan", refusedBody));
            assertThat(refused.getString("exitStatus")).isEqualTo("PLANNED");
            assertThat(refused.getString("verdict.decision")).isEqualTo("REFUSED");
            assertThat(refused.getList("verdict.refusals.code", String.class)).containsExactly("INVALID_CRON");
            String digest = refused.getString("digest");
            assertThat(refused.getString("applyCommand")).isEqualTo("cutover apply notification-rules-v2 --source "
                    + ReviewData.SOURCE + "=" + sources.get(1).baseUrl() + " --plan-digest " + digest);

            long acceptedId = Api.start("plan", Map.of("sources", Map.of(ReviewData.SOURCE, sources.get(1).baseUrl()), "accept",
                    List.of("INVALID_CRON")));
            JsonPath accepted = Api.awaitEnd(acceptedId);
            assertThat(accepted.getString("digest")).isEqualTo(digest);
            assertThat(accepted.getString("verdict.decision")).isEqualTo("STAGE");
            assertThat(accepted.getList("verdict.refusals")).isEmpty();
            Api.viewer().get("/api/executions/" + acceptedId + "/report").then().statusCode(200).contentType(ContentType.JSON)
                    .body("verdict.decision", equalTo("STAGE"))
                    .body("applyCommand", containsString("--accept INVALID_CRON --plan-digest " + digest));
        }
    }

    @Test
    void recordIdHoldingMarkupIsShownAsText() {
        try (TestSources sources = ReviewData.serve()) {
            long id = Api.start("plan", Map.of("sources", Map.of(ReviewData.SOURCE, sources.get(1).baseUrl())));
            Api.awaitEnd(id);
            String html = Api.viewer().get("/api/executions/" + id + "/report?format=html&kind=SKIPPED&size=1000")
                    .then().statusCode(200).extract().asString();
            assertThat(html).contains("&lt;script&gt;alert(&#39;id&#39;)&lt;/script&gt;").doesNotContain("<script");
        }
    }

    @Test
    void bidirectionalControlsInLegacyTextAreShownAsCodePoints() {
        try (TestSources sources = ReviewData.serve()) {
            long id = Api.start("plan", Map.of("sources", Map.of(ReviewData.SOURCE, sources.get(1).baseUrl())));
            Api.awaitEnd(id);
            String html = Api.viewer().get("/api/executions/" + id + "/report?format=html&kind=SKIPPED&size=1000")
                    .then().statusCode(200).extract().asString();
            // obeyed, the override made the id read as r1-txt.exe
            assertThat(html).contains("r1-[U+202E]exe.txt").doesNotContain("\u202E");
        }
    }

    @Test
    void pageListsEveryEntityAndRecordAPageAtATimeAndFilters() {
        try (TestSources sources = ReviewData.serve()) {
            long id = Api.start("plan", Map.of("sources", Map.of(ReviewData.SOURCE, sources.get(1).baseUrl())));
            Api.awaitEnd(id);
            String page = "/api/executions/" + id + "/report";

            String first = html(page + "?format=html&size=15");
            assertThat(first).contains("1–15 of " + ReviewData.POLICIES + " · page 1 of 3")
                    .contains("1–15 of " + (ReviewData.SKIPPED + ReviewData.ANOMALIES));
            assertThat(first).containsPattern("<td id=\"planned-at\">\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC</td>")
                    .containsPattern("\\d+\\.\\d s \\(retrieve \\d+\\.\\d s, normalize \\d+\\.\\d s, plan \\d+\\.\\d s\\)")
                    .contains("<td>" + ReviewData.SOURCE + "</td><td><code>" + sources.get(1).baseUrl() + "</code></td>");
            List<String> entityIds = ids(first, "entity-rows");
            assertThat(entityIds).hasSize(15);
            String third = html(page + "?format=html&size=15&entityPage=3");
            assertThat(third).contains("31–40 of " + ReviewData.POLICIES + " · page 3 of 3");
            List<String> lastIds = ids(third, "entity-rows");
            assertThat(lastIds).hasSize(10).doesNotContainAnyElementsOf(entityIds);

            String found = html(page + "?format=html&size=15&entity=" + lastIds.get(9));
            assertThat(ids(found, "entity-rows")).containsExactly(lastIds.get(9));

            String anomalies = html(page + "?format=html&kind=anomaly");
            assertThat(anomalies).contains("1–3 of 3").contains(ReviewData.SOURCE + "-bad2").doesNotContain(ReviewData.SOURCE + "-off2<");
            String byText = html(page + "?format=html&record=OFF11");
            assertThat(byText).contains("1–1 of 1").contains(">" + ReviewData.SOURCE + "-off11<");
            String byCode = html(page + "?format=html&code=DISABLED&size=5&recordPage=3");
            assertThat(byCode).contains("11–12 of " + ReviewData.SKIPPED + " · page 3 of 3");
            // past the last page: the last page, not an empty "page 99999 of 3"
            String past = html(page + "?format=html&code=DISABLED&size=5&recordPage=99999&entityPage=99999");
            assertThat(past).contains("11–12 of " + ReviewData.SKIPPED + " · page 3 of 3")
                    .contains("36–40 of " + ReviewData.POLICIES + " · page 8 of 8").doesNotContain("99999 of");
        }
    }

    @Test
    void pagingParameterOutOfRangeOrFilterHoldingNulIs400NamingIt() {
        try (TestSources sources = TestSources.start(1, 10, 100)) {
            long id = Api.start("plan", Map.of("sources", Map.of("s1", sources.get(1).baseUrl())));
            Api.awaitEnd(id);
            Api.viewer().get("/api/executions/" + id + "/report?format=html&size=0").then().statusCode(400)
                    .body("field", equalTo("size"));
            Api.viewer().get("/api/executions/" + id + "/report?format=html&change=MOVED").then().statusCode(400)
                    .body("field", equalTo("change")).body("error", not(containsString("<")));
            // PostgreSQL's text holds no NUL, so the filter could match nothing: the database refused it (a 500)
            for (String filter : List.of("record", "entity", "code")) {
                Api.viewer().queryParam("format", "html").queryParam(filter, "a\u0000b").get("/api/executions/" + id + "/report")
                        .then().statusCode(400)
                        .body("field", equalTo(filter)).body("error", containsString("NUL"));
            }
        }
    }

    private static String html(String path) {
        return Api.viewer().get(path).then().statusCode(200).contentType(ContentType.HTML).extract().asString();
    }

    /** The ids (second cell, in code) of the rows of the table with this id. */
    private static List<String> ids(String html, String table) {
        int start = html.indexOf("<table id=\"" + table + "\">");
        assertThat(start).as("table " + table).isNotNegative();
        String rows = html.substring(start, html.indexOf("</table>", start));
        Matcher m = Pattern.compile("<tr><td class=\"n\">\\d+</td><td><code>([^<]+)</code>").matcher(rows);
        List<String> ids = new java.util.ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }
}
