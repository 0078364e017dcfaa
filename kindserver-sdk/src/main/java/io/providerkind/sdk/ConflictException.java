package io.providerkind.sdk;

/** The cluster exists with another config, or another operation on it is running (409). */
public final class ConflictException extends KindServerException {

    public ConflictException(int status, String message) {
        super(status, message, null);
    }
}
