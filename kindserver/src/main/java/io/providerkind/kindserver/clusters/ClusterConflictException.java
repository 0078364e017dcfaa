package io.providerkind.kindserver.clusters;

/**
 * The cluster exists with another config, or another operation on it is running. Answered with 409.
 */
public final class ClusterConflictException extends RuntimeException {

    public ClusterConflictException(String message) {
        super(message);
    }
}
