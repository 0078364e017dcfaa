package io.providerkind.kindserver.kind;

/** A short kind command (delete, get kubeconfig) failed; the message carries kind's own error text. */
public final class KindCommandException extends Exception {

    public KindCommandException(String message) {
        super(message);
    }

    public KindCommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
