package io.providerkind.kindserver.registry;

/** kindserver cannot run its local registry; the message says why and what to do, in one line. */
public final class RegistryStartException extends RuntimeException {

    public RegistryStartException(String message) {
        super(message);
    }

    public RegistryStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
