package io.tribune.web;

import java.util.List;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A JSON request body that cannot be read is the client's mistake: a 400 in the API's own error shape
 * {@code {status, message, field}} (Quarkus's default answers a wrong field type with a body of its own design).
 */
public class JsonErrors {

    @ServerExceptionMapper({ JsonParseException.class, MismatchedInputException.class })
    public Response unreadable(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m ? field(m.getPath()) : null;
        String message = field != null ? "The field " + field + " has the wrong type."
                : e instanceof JsonParseException ? "The request body is not valid JSON."
                        : "The request body does not have the expected form.";
        return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorPages.ApiError(400, message, field)).build();
    }

    private static String field(List<JsonMappingException.Reference> path) {
        return path.isEmpty() ? null : path.get(path.size() - 1).getFieldName();
    }

    /**
     * A key given twice ({@code {"body": "a", "body": "b"}}) is refused as malformed instead of one value silently
     * winning (or, for a one-field record, Jackson failing with a definition error that became a 500).
     */
    @Singleton
    public static class StrictDuplicates implements ObjectMapperCustomizer {
        @Override
        public void customize(ObjectMapper mapper) {
            mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        }
    }
}
