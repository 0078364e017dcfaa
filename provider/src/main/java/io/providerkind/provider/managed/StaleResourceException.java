package io.providerkind.provider.managed;

/**
 * The resource changed on the API server since it was read (HTTP 409). Normal under concurrency:
 * the reconciler reads again instead of reporting an error.
 */
public final class StaleResourceException extends RuntimeException {

    public StaleResourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
