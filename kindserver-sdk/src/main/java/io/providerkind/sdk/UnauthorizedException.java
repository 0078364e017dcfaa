package io.providerkind.sdk;

/** kindserver refused the password (401). */
public final class UnauthorizedException extends KindServerException {

    public UnauthorizedException(int status, String message) {
        super(status, message, null);
    }
}
