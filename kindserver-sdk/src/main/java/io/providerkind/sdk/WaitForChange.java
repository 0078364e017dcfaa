package io.providerkind.sdk;

import java.time.Duration;

/**
 * The wire contract of a long-poll on {@code GET /api/v1/kindserver/{name}}: every answer of that GET carries an
 * {@value #ETAG_HEADER} that names it (the answers of POST and DELETE carry the ETag of the GET answer at that
 * moment), and a GET with {@code ?waitForChange=<that etag>} is held by kindserver until
 * the cluster's answer has another ETag (200 with it), the cluster is gone (404 {@code cluster_not_found}) or
 * {@code timeoutSeconds} pass (304 Not Modified, no body: the caller's answer is still current). A parameter that
 * is not an ETag or a number of seconds in range is 400 {@code bad_request}; beyond kindserver's bound of waiting
 * requests, and while it stops, a wait is answered 503 {@code not_ready} with {@code Retry-After}.
 */
public final class WaitForChange {

    /** The query parameter naming the ETag the caller holds. */
    public static final String PARAMETER = "waitForChange";

    /** The query parameter bounding the wait, in whole seconds. */
    public static final String TIMEOUT_PARAMETER = "timeoutSeconds";

    /** The header naming an answer of the GET. */
    public static final String ETAG_HEADER = "ETag";

    /** How long a wait lasts when the caller does not say. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    /**
     * The longest wait: below kindserver's 30 s idle timeout of a connection, which would otherwise close a
     * connection whose request is still waiting.
     */
    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(25);

    private WaitForChange() {}

    /** An ETag as kindserver writes it: a quoted run of base64url characters. */
    public static boolean isEtag(String value) {
        return value != null && value.matches("\"[A-Za-z0-9_-]{1,64}\"");
    }
}
