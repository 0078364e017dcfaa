package io.providerkind.provider.managed;

/**
 * The Secret named as a managed resource's connection Secret belongs to someone else, so nothing was written
 * to it (crossplane-runtime's {@code IsNotControllable} error). Not stale: reading again does not help, the
 * user has to name another Secret or free this one.
 */
public final class ConnectionSecretNotControllableException extends RuntimeException {

    public ConnectionSecretNotControllableException(String message) {
        super(message);
    }
}
