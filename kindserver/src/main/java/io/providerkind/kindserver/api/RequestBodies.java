package io.providerkind.kindserver.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.javalin.http.Context;
import io.providerkind.sdk.CreateClusterRequest;
import io.providerkind.sdk.LoadImagesRequest;
import java.io.IOException;

/**
 * Reads the body of a create, {@code {"kindConfig": "<yaml>", "owner": "<optional>"}}, and of an image load,
 * {@code {"images": [...]}}, within the size limit ({@link BoundedBody}). The owner is
 * bounded here ({@link CreateClusterRequest#isValidOwner}) because it is stored, logged and quoted back in 409s.
 */
final class RequestBodies {

    private static final String EXPECTED = "the body must be JSON {\"kindConfig\": \"<kind Cluster YAML>\"}";

    private final ObjectReader reader;
    private final ObjectReader loadReader;
    private final BoundedBody bodies;

    RequestBodies(ObjectMapper json, long maxBodyBytes) {
        this.reader = json.readerFor(CreateClusterRequest.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.loadReader = json.readerFor(LoadImagesRequest.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.bodies = new BoundedBody(maxBodyBytes);
    }

    /** The request, its kind config present and its owner (if any) valid; every problem is an {@link ApiException}. */
    CreateClusterRequest read(Context ctx) {
        byte[] body = body(ctx);
        if (new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw ApiException.badRequest("the body is empty; " + EXPECTED);
        }
        CreateClusterRequest request;
        try {
            request = reader.readValue(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the body is not valid JSON (" + brief(e) + "); " + EXPECTED);
        } catch (IOException e) {
            throw ApiException.badRequest("the body cannot be read; " + EXPECTED);
        }
        if (request == null
                || request.kindConfig() == null
                || request.kindConfig().isBlank()) {
            throw ApiException.badRequest("kindConfig is missing or empty; " + EXPECTED);
        }
        if (request.owner() != null && !CreateClusterRequest.isValidOwner(request.owner())) {
            throw ApiException.badRequest("owner must be 1 to " + CreateClusterRequest.MAX_OWNER_LENGTH
                    + " printable ASCII characters (space to ~), or left out");
        }
        return request;
    }

    /** The body of an image load, its list checked with the SDK's rule ({@link LoadImagesRequest#problem()}). */
    LoadImagesRequest readLoadImages(Context ctx) {
        String expected = "the body must be JSON {\"images\": [\"<image of the Docker host>\", ...]}";
        byte[] body = body(ctx);
        LoadImagesRequest request;
        try {
            request = loadReader.readValue(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the body is not valid JSON (" + brief(e) + "); " + expected);
        } catch (IOException e) {
            throw ApiException.badRequest("the body cannot be read; " + expected);
        }
        if (request == null) {
            throw ApiException.badRequest("the body is empty; " + expected);
        }
        request.problem().ifPresent(problem -> {
            throw ApiException.badRequest(problem);
        });
        return request;
    }

    private byte[] body(Context ctx) {
        return bodies.read(ctx);
    }

    /** Jackson's own words without the location blurb, which could quote a large part of the body. */
    private static String brief(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
        message = message.replaceAll("\\s+", " ").strip();
        return message.length() <= 160 ? message : message.substring(0, 160) + "...";
    }
}
