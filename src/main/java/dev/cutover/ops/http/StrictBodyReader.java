package dev.cutover.ops.http;

import java.lang.reflect.Type;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * Reads a request body as it is written: a value of another JSON type is refused (a 400 naming the
 * field), not converted, and text after the body's one value is a malformed body, not ignored. Jackson's
 * defaults read {@code "concurrency": 1.5} as 1, {@code "demo": 1} or {@code "demo": "true"} as true and
 * {@code {...}{...}} as its first object, so a request would run with settings its caller did not
 * write. Only the bodies of the resource methods that name it ({@code @CustomDeserialization}) are read
 * so; the application's other JSON is not.
 */
public class StrictBodyReader implements BiFunction<ObjectMapper, Type, ObjectReader> {

    @Override
    @SuppressWarnings("deprecation") // MapperFeature on a built mapper: the copy is configured before its first use
    public ObjectReader apply(ObjectMapper application, Type type) {
        ObjectMapper strict = application.copy()
                .configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        // a number or true read into a text field (a digest, a code, a URL) is converted whatever the feature says
        strict.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return strict.readerFor(strict.constructType(type));
    }
}
