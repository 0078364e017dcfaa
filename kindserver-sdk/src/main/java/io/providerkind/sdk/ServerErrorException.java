package io.providerkind.sdk;

/** kindserver failed (5xx). */
public final class ServerErrorException extends KindServerException {

    public ServerErrorException(int status, String message) {
        super(status, message, null);
    }
}
