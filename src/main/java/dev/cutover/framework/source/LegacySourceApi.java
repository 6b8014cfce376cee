package dev.cutover.framework.source;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * The legacy source HTTP API (DESIGN.md §4), read-only. Answers come back as raw responses so that
 * {@link SourceClient} can tell transient from fatal answers and name what was wrong.
 */
@Path("/v1")
public interface LegacySourceApi {

    /** @param cursor {@code null} for the first page (the parameter is then left out) */
    @GET
    @Path("/rules")
    Response rules(@QueryParam("limit") int limit, @QueryParam("cursor") String cursor);

    @GET
    @Path("/changes")
    Response changes(@QueryParam("since") long since);
}
