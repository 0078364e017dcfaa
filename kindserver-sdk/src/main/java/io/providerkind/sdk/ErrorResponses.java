package io.providerkind.sdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The one place that turns a kindserver answer that is not a success into a {@link KindServerException}.
 * kindserver answers errors as {@code {"error","message"}}; a proxy or load balancer in between may answer
 * with HTML, plain text or nothing, so every body is tolerated and the message is never lost.
 */
final class ErrorResponses {

    /** Enough of a non-JSON body to recognise it (an HTML title, a proxy's one-liner), not a whole page. */
    private static final int MAX_TEXT = 200;

    private final ObjectMapper json;
    private final Password password;

    ErrorResponses(ObjectMapper json, Password password) {
        this.json = json;
        this.password = password;
    }

    /** True only when kindserver itself says the cluster is unknown ({@link ErrorBody#CLUSTER_NOT_FOUND}). */
    boolean isClusterNotFound(HttpResponse<byte[]> response) {
        if (response.statusCode() != 404) {
            return false;
        }
        String text = new String(response.body(), StandardCharsets.UTF_8).strip();
        if (!text.startsWith("{")) {
            return false;
        }
        try {
            return ErrorBody.CLUSTER_NOT_FOUND.equals(
                    json.readValue(text, ErrorBody.class).error());
        } catch (JsonProcessingException notErrorJson) {
            return false;
        }
    }

    KindServerException toException(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        String message = password.redact(message(response));
        if (status == 401) {
            return new UnauthorizedException(status, message);
        }
        if (isClusterNotFound(response)) {
            return new ClusterNotFoundException(status, message);
        }
        if (status == 404) {
            return new BadRequestException(
                    status,
                    "kindserver has no route for this request (" + message
                            + "); check that the endpoint ends with /api/v1/kindserver");
        }
        if (status == 409) {
            return new ConflictException(status, message);
        }
        if (status == 429) {
            return new ThrottledException(status, message, retryAfter(response));
        }
        if (status >= 300 && status < 500) {
            // 3xx lands here too: the client does not follow redirects, so one means a wrong endpoint.
            return new BadRequestException(status, message);
        }
        return new ServerErrorException(status, message);
    }

    /** Retry-After in seconds, as kindserver sends it; an HTTP date (which it never sends) is not read. */
    private static Duration retryAfter(HttpResponse<byte[]> response) {
        return response.headers()
                .firstValue("Retry-After")
                .filter(value -> value.strip().matches("\\d{1,9}"))
                .map(value -> Duration.ofSeconds(Long.parseLong(value.strip())))
                .orElse(null);
    }

    private String message(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        String text = new String(response.body(), StandardCharsets.UTF_8).strip();
        if (status >= 300 && status < 400) {
            String location = response.headers().firstValue("Location").orElse("nowhere");
            return "kindserver answered " + status + " redirecting to " + location
                    + "; set the endpoint to the address it names";
        }
        if (text.isEmpty()) {
            return "kindserver answered " + status + " with no message";
        }
        String fromJson = fromErrorBody(text);
        if (fromJson != null) {
            return fromJson;
        }
        return "kindserver answered " + status + ": " + abbreviate(text.replaceAll("\\s+", " "));
    }

    /** kindserver's own message, else its error code, else null when the body is not its error JSON. */
    private String fromErrorBody(String text) {
        if (!text.startsWith("{")) {
            return null;
        }
        try {
            ErrorBody body = json.readValue(text, ErrorBody.class);
            if (body.message() != null && !body.message().isBlank()) {
                return body.message();
            }
            if (body.error() != null && !body.error().isBlank()) {
                return body.error();
            }
            return null;
        } catch (JsonProcessingException notErrorJson) {
            return null;
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "...";
    }
}
