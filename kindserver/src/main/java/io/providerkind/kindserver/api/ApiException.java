package io.providerkind.kindserver.api;

/**
 * A request kindserver answers with a 4xx before the cluster service sees it. Carries the status, the
 * machine-readable error code of the JSON body and a message for people.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String code;

    private ApiException(int status, String code, String message) {
        super(message, null, false, false); // an expected answer: no stack trace is ever needed
        this.status = status;
        this.code = code;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, ErrorCodes.BAD_REQUEST, message);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, ErrorCodes.UNAUTHORIZED, message);
    }

    /** An unknown cluster, as opposed to an unknown route. */
    public static ApiException clusterNotFound(String name) {
        return new ApiException(404, ErrorCodes.CLUSTER_NOT_FOUND, "cluster " + name + " not found");
    }

    public static ApiException payloadTooLarge(String message) {
        return new ApiException(413, ErrorCodes.PAYLOAD_TOO_LARGE, message);
    }

    /** The client's address is blocked for now; the caller sets {@code Retry-After}. */
    public static ApiException tooManyRequests(String message) {
        return new ApiException(429, ErrorCodes.TOO_MANY_REQUESTS, message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
