package dev.cutover.ops.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of every error answer of the HTTP API.
 *
 * @param error what went wrong, for a person
 * @param field the request field at fault (400 only), else {@code null} and left out
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String field) {

    public static ApiError of(String error) {
        return new ApiError(error, null);
    }
}
