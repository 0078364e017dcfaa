package io.providerkind.sdk;

/**
 * Everything that can go wrong calling kindserver. The closed set of subclasses lets callers tell
 * "the cluster is gone" from "the password is wrong" from "kindserver is down" without parsing text.
 * {@link #getMessage()} carries kindserver's own message where it answered.
 */
public abstract sealed class KindServerException extends RuntimeException
        permits ClusterNotFoundException,
                UnauthorizedException,
                ConflictException,
                BadRequestException,
                ServerErrorException,
                ThrottledException,
                UnreachableException {

    private final int status;

    protected KindServerException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status kindserver answered with, or 0 when it was not reached. */
    public int status() {
        return status;
    }
}
