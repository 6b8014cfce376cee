package dev.cutover.migrations.ratelimits.admission;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.cutover.migrations.ratelimits.normalize.KvKey;
import dev.cutover.ops.http.ApiError;
import dev.cutover.ops.http.ApiException;
import dev.cutover.ops.http.Roles;

/** The gateway's admission question over HTTP: which limit does a request class get now? */
@Path(AdmissionResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "rate limits")
public class AdmissionResource {

    public static final String PATH = "/api/rate-limits/admission";

    private static final List<String> PARAMETERS = List.of("region", "service", "route", "tier");

    @Inject
    AdmissionChecker checker;

    @GET
    @RolesAllowed({ Roles.VIEWER, Roles.OPERATOR })
    @Operation(summary = "The limit of one request class under the executing rate-limit model",
            description = "region, service, route (a pattern, or * for a route without an override) and tier "
                    + "(free, standard, premium, internal) are required.")
    @APIResponse(responseCode = "200", description = "the decision, with the generation that took it")
    @APIResponse(responseCode = "400", description = "a parameter is missing, unknown or invalid")
    @APIResponse(responseCode = "503", description = "the admission checker is not serving")
    public Response admission(@Context UriInfo uri) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        for (String name : query.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw ApiException.badRequest(name, "unknown parameter '" + name + "'; the parameters are " + PARAMETERS);
            }
        }
        String[] values = new String[PARAMETERS.size()];
        for (int i = 0; i < values.length; i++) {
            String name = PARAMETERS.get(i);
            List<String> given = query.get(name);
            if (given == null || given.size() != 1 || given.get(0).isBlank()) {
                throw ApiException.badRequest(name, "parameter '" + name + "' is required, once and not blank");
            }
            values[i] = ApiException.storableText(name, given.get(0).strip());
        }
        String tier = values[3].toLowerCase(Locale.ROOT);
        if (!Set.copyOf(KvKey.TIERS).contains(tier)) {
            throw ApiException.badRequest("tier", "unknown tier '" + values[3] + "'; the tiers are " + KvKey.TIERS);
        }
        try {
            return Response.ok(checker.decide(values[0], values[1], values[2], tier)).build();
        } catch (AdmissionChecker.NotServing e) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).entity(ApiError.of(e.getMessage())).build();
        }
    }
}
