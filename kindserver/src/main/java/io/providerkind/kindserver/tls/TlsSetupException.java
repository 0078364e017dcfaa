package io.providerkind.kindserver.tls;

/** kindserver cannot set up HTTPS: a missing, unreadable or mismatched certificate or key. Stops the start. */
public final class TlsSetupException extends RuntimeException {

    public TlsSetupException(String message) {
        super(message);
    }

    public TlsSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
