package io.providerkind.sdk;

/** The cluster is unknown to kindserver (404). */
public final class ClusterNotFoundException extends KindServerException {

    public ClusterNotFoundException(int status, String message) {
        super(status, message, null);
    }
}
