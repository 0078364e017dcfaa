package io.providerkind.kindserver.api;

import java.time.Duration;

/**
 * How the HTTPS API listens.
 *
 * @param host         address to bind
 * @param port         TCP port, 0 for any free one
 * @param maxBodyBytes largest request body accepted (413 above)
 * @param stopTimeout  how long a stop waits for requests in flight
 */
public record ApiSettings(String host, int port, long maxBodyBytes, Duration stopTimeout) {

    public ApiSettings {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("the body limit must be at least 1 byte, got " + maxBodyBytes);
        }
    }
}
