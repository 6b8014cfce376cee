package dev.cutover.ops.http;

import java.time.Instant;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import dev.cutover.ops.lease.LeaseHeldException;
import dev.cutover.ops.run.InvalidRunOption;
import io.quarkus.security.ForbiddenException;

/**
 * Turns every failure of an {@code /api} request into a JSON {@link ApiError} with the right status.
 * Unexpected failures are logged with a reference and answered 500 with that reference only: a
 * stack trace never reaches the body.
 */
public class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);

    /**
     * The 409 of a refused start: who holds the lease and until when ({@code holderExecutionId} null when
     * the lease is bound to no execution: a prune, a rollback, an execution starting; {@code holder} is the
     * process that took it).
     */
    public record LeaseHeld(String error, String migration, Long holderExecutionId, String holder, Instant expiresAt) {
    }

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return json(e.status().getStatusCode(), e.body());
    }

    @ServerExceptionMapper
    public Response invalidOption(InvalidRunOption e) {
        return json(400, new ApiError(e.getMessage(), e.option()));
    }

    @ServerExceptionMapper
    public Response leaseHeld(LeaseHeldException e) {
        return json(409, new LeaseHeld(e.getMessage(), e.migration(), e.holderExecutionId(), e.holder(), e.expiresAt()));
    }

    /** A body that is not JSON, or a field of the wrong type: 400 naming the field when there is one. */
    @ServerExceptionMapper({ JsonProcessingException.class, MismatchedInputException.class })
    public Response unreadableBody(JsonProcessingException e) {
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String expected = e instanceof MismatchedInputException mismatch ? expected(mismatch.getTargetType()) : null;
            return json(400, new ApiError(field + ": " + (expected == null ? "not a valid value" : "must be " + expected),
                    field));
        }
        return json(400, new ApiError("the request body is not the expected JSON object: " + e.getOriginalMessage(), "body"));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return json(403, ApiError.of("forbidden: this needs a role the user does not have"));
    }

    /** JAX-RS's own answers (unknown path, wrong method, unsupported media type) keep status and headers. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadableBody(unreadable); // the JSON reader wraps what the parser said
        }
        Response original = e.getResponse();
        return Response.fromResponse(original).entity(ApiError.of(original.getStatusInfo().getReasonPhrase().isEmpty()
                ? "HTTP " + original.getStatus() : original.getStatusInfo().getReasonPhrase()))
                .type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof LeaseHeldException held) {
                return leaseHeld(held); // however deep the launcher wrapped it
            }
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "HTTP API request failed (reference %s)", reference);
        return json(500, ApiError.of("internal error (reference " + reference + " in the server log)"));
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return null;
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (java.util.Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return null;
    }

    private static Response json(int status, Object body) {
        return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
