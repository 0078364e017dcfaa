package io.providerkind.kindserver.api;

import java.time.Duration;

/**
 * How the HTTPS API listens.
 *
 * @param host         address to bind
 * @param port         TCP port, 0 for any free one
 * @param maxBodyBytes largest request body accepted (413 above)
 * @param stopTimeout  how long a stop waits for requests in flight
 * @param transport    what a single connection may cost kindserver before it is cut off
 */
public record ApiSettings(String host, int port, long maxBodyBytes, Duration stopTimeout, TransportLimits transport) {

    public ApiSettings {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("the body limit must be at least 1 byte, got " + maxBodyBytes);
        }
    }

    /** With the {@link TransportLimits#DEFAULTS}: no flag sets them, see {@link TransportLimits} for why. */
    public ApiSettings(String host, int port, long maxBodyBytes, Duration stopTimeout) {
        this(host, port, maxBodyBytes, stopTimeout, TransportLimits.DEFAULTS);
    }

    /**
     * Limits on one connection, so that a client that never finishes (or never starts) a request cannot hold a
     * connection, a thread or memory for long. kindserver's own clients (the SDK, curl) send small requests at
     * once, so the defaults are far above what they need and are not flags.
     *
     * @param requestHeaderBytes largest request line plus headers (414 for a longer request line, 431 for headers)
     * @param headerTimeout      how long a connection may take from opening (or from its previous answer) to
     *                           the end of a request's headers; a client dribbling them byte by byte is cut off
     *                           here, which the idle timeout alone would never do
     * @param idleTimeout        how long a connection may stay silent
     */
    public record TransportLimits(int requestHeaderBytes, Duration headerTimeout, Duration idleTimeout) {

        /** Jetty's own header limit (8 KiB) and idle timeout (30 s), and 20 s for a request's headers. */
        public static final TransportLimits DEFAULTS =
                new TransportLimits(8 * 1024, Duration.ofSeconds(20), Duration.ofSeconds(30));

        public TransportLimits {
            if (requestHeaderBytes < 1024) {
                throw new IllegalArgumentException(
                        "the request header limit must be at least 1024 bytes, got " + requestHeaderBytes);
            }
            if (headerTimeout.isNegative() || headerTimeout.isZero()) {
                throw new IllegalArgumentException("the header timeout must be positive, got " + headerTimeout);
            }
            if (idleTimeout.isNegative() || idleTimeout.isZero()) {
                throw new IllegalArgumentException("the idle timeout must be positive, got " + idleTimeout);
            }
        }
    }
}
