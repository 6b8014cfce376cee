package dev.cutover.ops.http;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.operations.JobExecutionAlreadyCompleteException;
import jakarta.batch.operations.JobExecutionNotMostRecentException;
import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchStatus;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.cutover.framework.plan.PlanStore;
import dev.cutover.framework.run.FailureLog;
import dev.cutover.framework.run.RefusalLog;
import dev.cutover.framework.run.RunParameters;
import dev.cutover.framework.run.RunSettingsStore;
import dev.cutover.ops.run.DemoRuns;
import dev.cutover.ops.run.ExecutionProgress;
import dev.cutover.ops.run.ExecutionView.Execution;
import dev.cutover.ops.run.ExecutionView;
import dev.cutover.ops.run.MigrationLauncher;
import dev.cutover.ops.run.PrunedRun;

/** Executions: list them, show one, restart or stop one. */
@Path(ExecutionResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "executions")
public class ExecutionResource {

    public static final String PATH = "/api/executions";

    @Inject
    ExecutionView view;

    @Inject
    ExecutionProgress progress;

    @Inject
    FailureLog failures;

    @Inject
    RefusalLog refusals;

    @Inject
    JobOperator jobOperator;

    @Inject
    MigrationLauncher launcher;

    @Inject
    PlanStore plans;

    @Inject
    RunSettingsStore settingsStore;

    /** Every execution, newest first. */
    public record Executions(List<Execution> executions) {
    }

    /** What a 202 of restart or stop answers. */
    public record Accepted(long executionId, String migration, String mode, String status) {
    }

    @GET
    @RolesAllowed({ Roles.VIEWER, Roles.OPERATOR })
    @Operation(summary = "List executions", description = "Every execution of every migration, newest first, without steps.")
    public Executions list() {
        return new Executions(view.all());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.VIEWER, Roles.OPERATOR })
    @Operation(summary = "Show an execution", description = "Its status with steps, the reason of a failure or refusal, "
            + "its partitions and the retrieval progress of its run: per source and in all, pages, listedItems (copies "
            + "included), records (distinct ids, the unit of totalRecords, the source's total) and percent of the listing "
            + "(100 only once the last page is stored); phases: the live progress of each step while this process runs it; "
            + "once planned, the verdict (would an apply go ahead: STAGE, UNCHANGED, or REFUSED with each reason) and the "
            + "apply command with the plan's digest; prunedAt when cutover prune deleted its run's working rows.")
    @APIResponse(responseCode = "200", description = "The execution")
    @APIResponse(responseCode = "404", description = "No such execution")
    public ExecutionDetail one(@PathParam("id") long id) {
        Execution execution = require(id);
        String failure = "FAILED".equals(execution.batchStatus()) || "STOPPED".equals(execution.batchStatus())
                ? failures.reason(id) : null;
        long runId = jobOperator.getJobInstance(id).getInstanceId();
        Optional<PlanStore.VerdictAndCommand> verdict = plans.verdict(runId);
        return new ExecutionDetail(execution, failure, refusals.refusals(id), progress.partitions(id), progress.progress(id),
                verdict.map(PlanStore.VerdictAndCommand::verdict).orElse(null),
                verdict.map(PlanStore.VerdictAndCommand::applyCommand).orElse(null), PrunedRun.prunedAt(runId).orElse(null));
    }

    @POST
    @Path("/{id}/restart")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Restart an execution", description = "Runs a new execution of the same job instance with the "
            + "original parameters, from the last checkpoints. Only the most recent execution of a failed or stopped run "
            + "can be restarted.")
    @APIResponse(responseCode = "202", description = "Restarted; the body names the new execution")
    @APIResponse(responseCode = "404", description = "No such execution")
    @APIResponse(responseCode = "409", description = "Not restartable (completed, abandoned, running, not the most "
            + "recent, a run of the demo sources), or another execution holds the lease")
    public Response restart(@PathParam("id") long id) {
        Execution original = require(id);
        BatchStatus status = BatchStatus.valueOf(original.batchStatus());
        switch (status) {
            case COMPLETED, ABANDONED -> throw ApiException.conflict("execution " + id + " is " + status
                    + ": there is nothing to restart (start a new " + verb(original) + " instead)");
            case STARTING, STARTED, STOPPING -> throw ApiException.conflict("execution " + id + " is " + status
                    + ": it can be restarted once it has failed or stopped");
            default -> {
            }
        }
        RunSettingsStore.Settings settings = settingsStore.ofParameters(jobOperator.getParameters(id));
        if (settings != null && settings.demo()) {
            // its demo sources were stopped when it ended: a restart would only fail again, page after page
            throw ApiException.conflict(DemoRuns.cannotRestart(id) + "; start a new " + verb(original)
                    + " with \"demo\": true instead");
        }
        long restarted;
        try {
            restarted = launcher.restart(id);
        } catch (JobExecutionAlreadyCompleteException | JobExecutionNotMostRecentException | JobRestartException e) {
            throw ApiException.conflict("execution " + id + " cannot be restarted: " + e.getMessage());
        } catch (NoSuchJobExecutionException e) {
            throw ApiException.notFound("no execution " + id);
        }
        Accepted body = new Accepted(restarted, original.migration(), original.mode(), PATH + "/" + restarted);
        return Response.accepted(body).location(URI.create(body.status())).build();
    }

    @POST
    @Path("/{id}/stop")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Stop an execution", description = "Asks a running execution to stop at its next checkpoint; "
            + "it ends STOPPED and can be restarted.")
    @APIResponse(responseCode = "202", description = "Stopping")
    @APIResponse(responseCode = "404", description = "No such execution")
    @APIResponse(responseCode = "409", description = "The execution is not running")
    public Response stop(@PathParam("id") long id) {
        Execution execution = require(id);
        try {
            jobOperator.stop(id);
        } catch (JobExecutionNotRunningException e) {
            throw ApiException.conflict("execution " + id + " is not running (" + execution.batchStatus() + ")");
        } catch (NoSuchJobExecutionException e) {
            throw ApiException.notFound("no execution " + id);
        }
        return Response.accepted(new Accepted(id, execution.migration(), execution.mode(), PATH + "/" + id)).build();
    }

    private Execution require(long id) {
        return view.one(id).orElseThrow(() -> ApiException.notFound("no execution " + id));
    }

    private static String verb(Execution execution) {
        return RunParameters.APPLY.equals(execution.mode()) ? "apply" : "plan";
    }
}
