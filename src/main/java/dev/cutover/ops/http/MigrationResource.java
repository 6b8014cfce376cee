package dev.cutover.ops.http;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.cutover.framework.run.RunParameters;
import dev.cutover.framework.source.Excerpt;
import dev.cutover.ops.run.MigrationCatalog;
import dev.cutover.ops.run.ModelExport;
import dev.cutover.ops.run.ModelRollback;
import dev.cutover.ops.run.RunRetention;
import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;

/** A migration: start its plan or apply, export its executing model, roll it back, prune its old runs. */
@Path("/api/migrations/{migration}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "migrations")
public class MigrationResource {

    @Inject
    MigrationCatalog catalog;

    @Inject
    RunStarter starter;

    @Inject
    ModelRollback rollbacks;

    @Inject
    ModelExport export;

    @Inject
    RunRetention retention;

    @ConfigProperty(name = "cutover.retention.keep-runs", defaultValue = "3")
    int defaultKeep;

    /** What a rollback answers. */
    public record RolledBack(String migration, int generation, int previous) {
    }

    @POST
    @Path("/plan")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Start a plan (dry run)", description = "Retrieves, normalizes and plans; writes nothing but the "
            + "run's bookkeeping. Answers at once; follow the execution at the returned status URL.")
    @APIResponse(responseCode = "202", description = "Started")
    @APIResponse(responseCode = "400", description = "A field of the body is invalid (named in 'field')")
    @APIResponse(responseCode = "404", description = "Unknown migration")
    @APIResponse(responseCode = "409", description = "Another execution of this migration holds the lease")
    @CustomDeserialization(StrictBodyReader.class)
    public Response plan(@PathParam("migration") String migration, @RequestBody(required = false) RunRequest body) {
        return accepted(starter.start(known(migration), RunParameters.DRY_RUN, body));
    }

    @POST
    @Path("/apply")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Start an apply", description = "Plans again, passes the safety gates, stages the new model "
            + "inert, validates it and activates it atomically. Answers at once; follow the execution at the returned status URL.")
    @APIResponse(responseCode = "202", description = "Started")
    @APIResponse(responseCode = "400", description = "A field of the body is invalid (named in 'field')")
    @APIResponse(responseCode = "404", description = "Unknown migration")
    @APIResponse(responseCode = "409", description = "Another execution of this migration holds the lease")
    @CustomDeserialization(StrictBodyReader.class)
    public Response apply(@PathParam("migration") String migration, @RequestBody(required = false) RunRequest body) {
        return accepted(starter.start(known(migration), RunParameters.APPLY, body));
    }

    @POST
    @Path("/rollback")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Roll back", description = "Switches back, in one short transaction, to the generation that "
            + "executed before the current one (0 = legacy).")
    @APIResponse(responseCode = "200", description = "Rolled back")
    @APIResponse(responseCode = "404", description = "Unknown migration")
    @APIResponse(responseCode = "409", description = "Legacy already executes: nothing to roll back to")
    public RolledBack rollback(@PathParam("migration") String migration) {
        ModelRollback.Result result = rollbacks.rollback(known(migration));
        return result.to().map(generation -> new RolledBack(migration, generation, result.from()))
                .orElseThrow(() -> ApiException.conflict(migration + " executes legacy (generation 0): there is nothing to roll back to"));
    }

    @POST
    @Path("/prune")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Prune old runs", description = "Deletes the working rows (pages, records, outcomes, leaves, "
            + "planned and staged models) of the migration's runs but the 'keep' newest, the executing generation's, "
            + "those a rollback can return to and the latest planned run; a restartable run among them is abandoned. "
            + "What stays of a run is its history: its executions and its plan report's summary.")
    @APIResponse(responseCode = "200", description = "Pruned: each run deleted, each kept with why")
    @APIResponse(responseCode = "400", description = "keep is not an integer, is below 1 or is out of range")
    @APIResponse(responseCode = "404", description = "Unknown migration")
    @APIResponse(responseCode = "409", description = "Another execution of this migration holds the lease")
    public RunRetention.Result prune(@PathParam("migration") String migration,
            @Parameter(description = "how many of the newest runs to keep whatever they are (at least 1; default "
                    + "cutover.retention.keep-runs, 3)", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("keep") String keep) {
        String known = known(migration);
        int kept = keep == null ? defaultKeep : keep(keep);
        String problem = RunRetention.keepProblem("keep", kept);
        if (problem != null) {
            throw ApiException.badRequest("keep", problem);
        }
        return retention.prune(known, kept, run -> {
        });
    }

    /**
     * Read here rather than converted by JAX-RS, which answers a query parameter it cannot convert with 404,
     * as if the migration were unknown.
     */
    private static int keep(String keep) {
        String digits = keep.strip();
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            // a count of runs beyond an int keeps them all, but is more likely a typo than a wish: say which
            boolean integer = digits.matches("[+-]?[0-9]+");
            throw ApiException.badRequest("keep", integer
                    ? "keep " + Excerpt.bare(digits, 40) + " is out of range (1 to " + Integer.MAX_VALUE + ")"
                    : "keep must be an integer, not '" + Excerpt.bare(keep, 40) + "'");
        }
    }

    @GET
    @Path("/export")
    @RolesAllowed({ Roles.VIEWER, Roles.OPERATOR })
    @Operation(summary = "Export the executing model", description = "The executing target model as canonical JSON: "
            + "generation 0 with no entities while legacy executes.")
    @APIResponse(responseCode = "200", description = "The model")
    @APIResponse(responseCode = "404", description = "Unknown migration")
    @Produces(MediaType.APPLICATION_JSON)
    public StreamingOutput export(@PathParam("migration") String migration) {
        String known = known(migration);
        // written as read from the database: a model of any size is never held
        return out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            export.export(known, writer, false);
            writer.flush();
        };
    }

    private String known(String migration) {
        if (!catalog.names().contains(migration)) {
            throw ApiException.notFound("unknown migration '" + migration + "'; known: " + String.join(", ", catalog.names()));
        }
        return migration;
    }

    private static Response accepted(RunStarter.Started started) {
        return Response.accepted(started).location(URI.create(started.status())).build();
    }
}
