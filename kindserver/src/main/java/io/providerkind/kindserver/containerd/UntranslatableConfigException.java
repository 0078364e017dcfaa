package io.providerkind.kindserver.containerd;

/** A containerd patch whose registry settings cannot be carried over into hosts.toml files faithfully. */
public final class UntranslatableConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UntranslatableConfigException(String message) {
        super(message);
    }
}
