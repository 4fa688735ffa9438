package io.tribune.web;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * JSON request bodies are read strictly, and one that cannot be read is the client's mistake: a 400 in the API's own
 * error shape {@code {status, message, field}}, naming the field (Quarkus's default answers a wrong field type with a
 * body of its own design). Unknown fields are refused too ({@code quarkus.jackson.fail-on-unknown-properties}).
 */
public class JsonErrors {

    @ServerExceptionMapper({ StreamReadException.class, MismatchedInputException.class })
    public Response unreadable(JsonProcessingException e) {
        return response(e);
    }

    /** Also for the exceptions Quarkus REST's JSON reader hands on wrapped in a bare 400 (see {@link ErrorPages}). */
    static Response response(JsonProcessingException e) {
        String field = fieldOf(e);
        return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorPages.ApiError(400, messageFor(e, field), field)).build();
    }

    static String messageFor(JsonProcessingException e, String field) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field \"" + field + "\"." + accepted(unknown.getKnownPropertyIds());
        }
        if (isDuplicate(e)) {
            return "The field \"" + field + "\" is given twice.";
        }
        if (e instanceof MismatchedInputException mismatch && field != null) {
            return "The field \"" + field + "\" must be " + expected(mismatch.getTargetType()) + ".";
        }
        if (e instanceof InputCoercionException || e.getCause() instanceof InputCoercionException) {
            return field != null ? "The number in the field \"" + field + "\" is out of range."
                    : "A number in the request body is out of range.";
        }
        if (e instanceof MismatchedInputException) {
            return "The request body must be a JSON object with the documented fields.";
        }
        return "The request body is not valid JSON.";
    }

    private static String fieldOf(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return unknown.getPropertyName();
        }
        if (isDuplicate(e) && e.getProcessor() instanceof JsonParser parser) {
            try {
                return parser.currentName();
            } catch (java.io.IOException unreadable) {
                return null;
            }
        }
        if (e instanceof JsonMappingException mapping) {
            List<JsonMappingException.Reference> path = mapping.getPath();
            return path.isEmpty() ? null : path.get(path.size() - 1).getFieldName();
        }
        return null;
    }

    private static boolean isDuplicate(JsonProcessingException e) {
        return e instanceof StreamReadException && e.getOriginalMessage() != null
                && e.getOriginalMessage().startsWith("Duplicate field");
    }

    private static String accepted(Collection<Object> known) {
        return known == null || known.isEmpty() ? ""
                : " This endpoint accepts: " + known.stream().map(String::valueOf).sorted()
                        .collect(Collectors.joining(", ")) + ".";
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "text (a JSON string)";
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class
                || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        return "a JSON object";
    }

    /**
     * No guessing at what a client meant: {@code {"body": 123}} is not the text "123", {@code "7"} is not the number
     * 7, 1.5 is not 1, and a key given twice ({@code {"body": "a", "body": "b"}}) is refused instead of one value
     * silently winning (or, for a one-field record, Jackson failing with a definition error that became a 500).
     */
    @Singleton
    public static class Strict implements ObjectMapperCustomizer {
        @Override
        @SuppressWarnings("deprecation") // ObjectMapper.configure(MapperFeature): the mapper is Quarkus's, not built here
        public void customize(ObjectMapper mapper) {
            mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
            mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
            mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
            mapper.coercionConfigFor(LogicalType.Textual)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        }
    }
}
