package io.providerkind.sdk;

import java.time.Duration;
import java.util.Optional;

/**
 * kindserver refuses calls from this address for a while (429) because too many wrong passwords came from it:
 * waiting is the only remedy, and only if the password is right.
 */
public final class ThrottledException extends KindServerException {

    private final Duration retryAfter;

    public ThrottledException(int status, String message, Duration retryAfter) {
        super(status, message, null);
        this.retryAfter = retryAfter;
    }

    /** How long kindserver asked to wait ({@code Retry-After}), when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
