package io.providerkind.kindserver.api;

import io.providerkind.sdk.ErrorBody;

/** The {@code error} field of kindserver's JSON errors: stable words clients may switch on. */
public final class ErrorCodes {

    public static final String BAD_REQUEST = "bad_request";
    public static final String UNAUTHORIZED = "unauthorized";
    /** No such route: a wrong URL, never to be read as "the cluster is gone". */
    public static final String NOT_FOUND = "not_found";
    /** The route exists and the cluster does not: the SDK reads this, and only this, as "gone". */
    public static final String CLUSTER_NOT_FOUND = ErrorBody.CLUSTER_NOT_FOUND;

    public static final String METHOD_NOT_ALLOWED = "method_not_allowed";
    public static final String CONFLICT = "conflict";
    public static final String PAYLOAD_TOO_LARGE = "payload_too_large";
    /** Too many wrong passwords from the client's address: wait the {@code Retry-After} seconds. */
    public static final String TOO_MANY_REQUESTS = "too_many_requests";

    public static final String URI_TOO_LONG = "uri_too_long";
    /** A request that is not HTTP/1.1, such as an HTTP/2 connection preface: kindserver speaks HTTP/1.1 only. */
    public static final String UPGRADE_REQUIRED = "upgrade_required";

    public static final String HEADERS_TOO_LARGE = "headers_too_large";
    public static final String NOT_READY = "not_ready";
    public static final String INTERNAL_ERROR = "internal_error";

    private ErrorCodes() {}

    /** The code for a status that did not come with one (Javalin's and Jetty's own answers). */
    public static String forStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 426 -> UPGRADE_REQUIRED;
            case 431 -> HEADERS_TOO_LARGE;
            case 429 -> TOO_MANY_REQUESTS;
            case 503 -> NOT_READY;
            default -> status >= 500 ? INTERNAL_ERROR : "http_" + status;
        };
    }
}
