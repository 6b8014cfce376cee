package dev.cutover.ops.http;

import jakarta.ws.rs.core.Response.Status;

/** An answer other than success, decided by a resource: its status, message and, for a 400, the field. */
public class ApiException extends RuntimeException {

    private final Status status;
    private final String field;

    private ApiException(Status status, String message, String field) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public static ApiException badRequest(String field, String message) {
        return new ApiException(Status.BAD_REQUEST, message, field);
    }

    public static ApiException notFound(String message) {
        return new ApiException(Status.NOT_FOUND, message, null);
    }

    public static ApiException conflict(String message) {
        return new ApiException(Status.CONFLICT, message, null);
    }

    public static ApiException gone(String message) {
        return new ApiException(Status.GONE, message, null);
    }

    public Status status() {
        return status;
    }

    public ApiError body() {
        return new ApiError(getMessage(), field);
    }
}
