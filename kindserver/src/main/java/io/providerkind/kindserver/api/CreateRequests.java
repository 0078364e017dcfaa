package io.providerkind.kindserver.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.javalin.http.Context;
import io.providerkind.sdk.CreateClusterRequest;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the body of a create, {@code {"kindConfig": "<yaml>", "owner": "<optional>"}}, within the size limit. The
 * limit is enforced while reading, not only from Content-Length, so a chunked body cannot get past it. The owner is
 * bounded here ({@link CreateClusterRequest#isValidOwner}) because it is stored, logged and quoted back in 409s.
 */
final class CreateRequests {

    private static final String EXPECTED = "the body must be JSON {\"kindConfig\": \"<kind Cluster YAML>\"}";

    private final ObjectReader reader;
    private final long maxBodyBytes;

    CreateRequests(ObjectMapper json, long maxBodyBytes) {
        this.reader = json.readerFor(CreateClusterRequest.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The request, its kind config present and its owner (if any) valid; every problem is an {@link ApiException}. */
    CreateClusterRequest read(Context ctx) {
        byte[] body = boundedBody(ctx);
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

    private byte[] boundedBody(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBodyBytes) {
            throw tooLarge();
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, maxBodyBytes + 1));
            if (body.length > maxBodyBytes) {
                throw tooLarge();
            }
            return body;
        } catch (IOException e) {
            throw ApiException.badRequest("the body could not be read: the client stopped sending it");
        }
    }

    private ApiException tooLarge() {
        return ApiException.payloadTooLarge("the body is larger than " + maxBodyBytes
                + " bytes (--max-body-bytes); a kind config is a few kilobytes");
    }

    /** Jackson's own words without the location blurb, which could quote a large part of the body. */
    private static String brief(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
        message = message.replaceAll("\\s+", " ").strip();
        return message.length() <= 160 ? message : message.substring(0, 160) + "...";
    }
}
