package io.providerkind.kindserver.clusters;

/**
 * kindserver is not taking new operations right now: it has not finished starting, or it is shutting down.
 * Answered with 503 so that a client retries instead of reading it as a failure of its request.
 */
public final class ServiceUnavailableException extends RuntimeException {

    public ServiceUnavailableException(String message) {
        super(message);
    }

    public ServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
