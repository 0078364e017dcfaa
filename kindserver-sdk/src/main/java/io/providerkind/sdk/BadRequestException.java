package io.providerkind.sdk;

/** kindserver rejected the request as invalid (4xx other than 401, 404, 409). */
public final class BadRequestException extends KindServerException {

    public BadRequestException(int status, String message) {
        super(status, message, null);
    }
}
