package io.providerkind.sdk;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Duration;
import javax.net.ssl.SSLException;

/**
 * Turns the ways a call can fail before kindserver answers into an {@link UnreachableException} whose
 * message tells a person what to fix: the JDK's own messages are often null ("connection refused") or
 * buried three causes deep ("PKIX path building failed").
 */
final class TransportFailures {

    private final KindServerEndpoint endpoint;
    private final Duration connectTimeout;
    private final Duration requestTimeout;

    TransportFailures(KindServerEndpoint endpoint, Duration connectTimeout, Duration requestTimeout) {
        this.endpoint = endpoint;
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
    }

    UnreachableException unreachable(IOException failure) {
        return new UnreachableException(prefix() + reason(failure), failure);
    }

    UnreachableException interrupted(InterruptedException interruption) {
        return new UnreachableException(prefix() + "interrupted while waiting for the answer", interruption);
    }

    private String prefix() {
        return "kindserver at " + endpoint + " is unreachable: ";
    }

    private String reason(IOException failure) {
        // The connect timeout covers the TLS handshake too, so it is checked before any TLS cause.
        if (failure instanceof HttpConnectTimeoutException) {
            return "connect timed out after " + human(connectTimeout);
        }
        if (failure instanceof HttpTimeoutException) {
            return "timed out after " + human(requestTimeout);
        }
        SSLException tls = cause(failure, SSLException.class);
        if (tls != null) {
            return "TLS handshake failed: " + tlsReason(tls);
        }
        if (cause(failure, UnresolvedAddressException.class) != null
                || cause(failure, UnknownHostException.class) != null) {
            return "unknown host " + endpoint.base().getHost();
        }
        ConnectException connect = cause(failure, ConnectException.class);
        if (connect != null) {
            // The HttpClient reports a refused connection as a ConnectException without a message.
            String detail = connect.getMessage();
            return detail == null || detail.toLowerCase(java.util.Locale.ROOT).contains("refused")
                    ? "connection refused"
                    : detail;
        }
        String detail = failure.getMessage();
        return detail == null ? failure.getClass().getSimpleName() : detail;
    }

    private static String tlsReason(SSLException tls) {
        if (cause(tls, CertificateExpiredException.class) != null
                || cause(tls, CertificateNotYetValidException.class) != null) {
            return "certificate expired or not yet valid";
        }
        if (cause(tls, CertPathBuilderException.class) != null
                || cause(tls, CertPathValidatorException.class) != null) {
            return "certificate not trusted (set caBundle or insecureSkipVerify)";
        }
        CertificateException certificate = cause(tls, CertificateException.class);
        if (certificate != null) {
            // What is left after the trust checks is the host name check (HostnameChecker's messages).
            return "certificate does not match the endpoint's host (" + certificate.getMessage()
                    + "); use a host the certificate names, or set insecureSkipVerify";
        }
        return tls.getMessage();
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        // Bounded: a cause chain can, in principle, be cyclic.
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 20; depth++, t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** 30s, 1500ms: as people write timeouts in flags and config. */
    static String human(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
