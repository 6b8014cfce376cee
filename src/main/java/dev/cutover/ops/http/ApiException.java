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

    /**
     * @return {@code value}, the text of a query parameter compared with stored text
     * @throws ApiException a 400 naming the parameter when the value holds a NUL: PostgreSQL's text holds
     *         none, so it could match nothing, and the database refuses to compare one (it was a 500)
     */
    public static String storableText(String parameter, String value) {
        if (value != null && value.indexOf('\0') >= 0) {
            throw badRequest(parameter, parameter + " holds a NUL character (U+0000 at " + value.indexOf('\0')
                    + "), which no stored text holds");
        }
        return value;
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
