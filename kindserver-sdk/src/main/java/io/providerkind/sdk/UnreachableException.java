package io.providerkind.sdk;

/** kindserver could not be reached: connection refused, TLS failure, timeout. */
public final class UnreachableException extends KindServerException {

    public UnreachableException(String message, Throwable cause) {
        super(0, message, cause);
    }
}
