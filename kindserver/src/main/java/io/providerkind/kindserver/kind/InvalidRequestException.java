package io.providerkind.kindserver.kind;

/** Input that kindserver refuses before anything runs: bad name, bad kind config. Answered with 400. */
public final class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String message) {
        super(message);
    }
}
