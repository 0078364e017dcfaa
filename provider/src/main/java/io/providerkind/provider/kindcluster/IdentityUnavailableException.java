package io.providerkind.provider.kindcluster;

/**
 * The management cluster's identity ({@link ClusterOwners}) can be neither read nor made: the provider cannot name
 * an owner for any cluster, so it does not start. The message says what to repair.
 */
public final class IdentityUnavailableException extends RuntimeException {

    IdentityUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    IdentityUnavailableException(String message) {
        super(message);
    }
}
