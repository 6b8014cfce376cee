package dev.cutover.ops.http;

import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.JobInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cutover.framework.plan.PlanReport;
import dev.cutover.framework.plan.PlanStore;
import dev.cutover.ops.run.PrunedRun;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The plan report of an execution ({@code cutover.plan/v1}, DESIGN.md §6) as JSON, or as an HTML page
 * for a browser ({@code Accept: text/html}, or {@code ?format=html}): the review page, which says whether
 * apply would go ahead and lists every planned entity, every skipped and anomalous record and every
 * change against the executing generation, a page at a time ({@link ReviewQuery}).
 */
@Path(ExecutionResource.PATH + "/{id}/report")
@Tag(name = "executions")
public class ReportResource {

    /**
     * The report shows text read from legacy sources. The page needs only its own inline style sheet and
     * its filter forms, which submit to the page itself: no script, image, font, frame or external load,
     * and no page may frame it.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Inject
    JobOperator jobOperator;

    @Inject
    PlanStore plans;

    @Inject
    ReviewPages reviewPages;

    @Inject
    ObjectMapper json;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(ReviewPage p);
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, MediaType.TEXT_HTML })
    @RolesAllowed({ Roles.VIEWER, Roles.OPERATOR })
    @Operation(summary = "Get an execution's plan report", description = "The cutover.plan/v1 report of the execution's "
            + "run as JSON; an HTML page when the client prefers text/html or asks ?format=html. The page is paged "
            + "server-side: size (rows per page, 1..1000, default 100); changePage, change (ADDED, REMOVED, CHANGED); "
            + "entityPage, entity (text); recordPage, kind (SKIPPED, ANOMALY), code, record (text).")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "404", description = "No such execution, or it has no plan report yet")
    @APIResponse(responseCode = "410", description = "The execution's run was pruned (cutover prune): its records are gone")
    public Response report(@PathParam("id") long id,
            @Parameter(description = "json or html; overrides the Accept header") @QueryParam("format") String format,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        long runId = runId(id);
        PrunedRun.prunedAt(runId).ifPresent(at -> {
            throw ApiException.gone("the records of execution " + id + "'s run were pruned at " + at
                    + " (cutover prune): its plan report lists them no more; plan again to review the migration");
        });
        PlanReport report = plans.report(runId)
                .orElseThrow(() -> ApiException.notFound("execution " + id + " has no plan report yet"));
        if (!wantsHtml(format, headers)) {
            // written as its anomalous records are read, which may be as many as the records
            StreamingOutput body = out -> json.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, report);
            return secured(Response.ok(body, MediaType.APPLICATION_JSON_TYPE));
        }
        ReviewQuery query = ReviewQuery.from(uri.getQueryParameters());
        String html = Templates.page(reviewPages.build(id, runId, report, query)).render();
        return secured(Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")));
    }

    /** A browser must neither sniff the JSON into HTML nor run or load anything the page did not bring. */
    private static Response secured(Response.ResponseBuilder response) {
        return response.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff").build();
    }

    private long runId(long executionId) {
        JobInstance instance;
        try {
            instance = jobOperator.getJobInstance(executionId);
        } catch (NoSuchJobExecutionException e) {
            instance = null;
        }
        if (instance == null) {
            throw ApiException.notFound("no execution " + executionId);
        }
        return instance.getInstanceId();
    }

    /** The first media type the client prefers decides; a wildcard gets JSON, the API's own format. */
    static boolean wantsHtml(String format, HttpHeaders headers) {
        if (format != null && !format.isBlank()) {
            if (format.equalsIgnoreCase("html")) {
                return true;
            }
            if (format.equalsIgnoreCase("json")) {
                return false;
            }
            throw ApiException.badRequest("format", "format is json or html, not '" + format + "'");
        }
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isCompatible(MediaType.TEXT_HTML_TYPE) && !type.isWildcardType()) {
                return true;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || type.isWildcardType()) {
                return false;
            }
        }
        return false;
    }
}
