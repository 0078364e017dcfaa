package io.providerkind.kindserver.api;

import io.javalin.community.ssl.SslConfig;
import io.javalin.community.ssl.TlsConfig;
import io.javalin.config.JettyConfig;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;

/**
 * The TLS and connection rules of kindserver's one HTTPS connector. kindserver can start containers on its
 * Docker host, so what a connection may do before it has sent a password is kept small: TLS 1.3 and 1.2 only,
 * forward-secret AEAD suites only, no renegotiation, bounded request heads and bounded time to send them.
 */
final class Transport {

    /**
     * Mozilla's "intermediate" profile (TLS 1.3 and 1.2; ECDHE with AES-GCM or ChaCha20-Poly1305). javalin-ssl's
     * own INTERMEDIATE lists TLS 1.3 as a protocol but none of its suites, so every TLS 1.3 client was refused.
     * The profile's DHE suites are left out: every client kindserver has (the JDK, curl, Go) prefers ECDHE, and
     * DHE with the JDK's default group sizes is the slower, weaker choice.
     */
    static final TlsConfig INTERMEDIATE = new TlsConfig(
            new String[] {
                "TLS_AES_128_GCM_SHA256",
                "TLS_AES_256_GCM_SHA384",
                "TLS_CHACHA20_POLY1305_SHA256",
                "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
                "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
                "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
                "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
                "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"
            },
            new String[] {"TLSv1.3", "TLSv1.2"});

    private Transport() {}

    /** The TLS side: protocols, suites, no renegotiation, the connection limits of {@code limits}. */
    static void configure(SslConfig ssl, ApiSettings.TransportLimits limits, JsonErrorHandler errors) {
        ssl.tlsConfig = INTERMEDIATE;
        ssl.configConnectors(connector -> configure(connector, limits, errors));
    }

    /** The HTTP side: how large a request head may be. */
    static void configure(JettyConfig jetty, ApiSettings.TransportLimits limits) {
        jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(limits.requestHeaderBytes()));
    }

    private static void configure(
            ServerConnector connector, ApiSettings.TransportLimits limits, JsonErrorHandler errors) {
        SslConnectionFactory tls = connector.getConnectionFactory(SslConnectionFactory.class);
        // a client-started renegotiation costs the server a full handshake per request and was the way into
        // CVE-2009-3555; kindserver never asks for client certificates, so it has no use for one either
        tls.getSslContextFactory().setRenegotiationAllowed(false);
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        connector.addBean(new HeaderDeadline(limits.headerTimeout(), connector.getScheduler()));
        connector.addFirstConnectionFactory(new PlainHttpAnswer(tls, errors)); // first: it sees every connection
    }
}
