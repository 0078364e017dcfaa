package io.providerkind.provider.managed;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The provider's one reconcile rate limit, as crossplane providers' {@code --max-reconcile-rate}: a token bucket
 * shared by every managed controller, refilled at that many tokens per second and holding ten times as many, so
 * that a burst (a restart, many resources applied at once) starts at once and reconciles then go on at the rate.
 *
 * <p>Every reservation takes a token, free or not: the bucket goes into debt and the answer says how long until
 * the reserved token is due. So reconciles over the limit are served in the order they asked, each exactly once,
 * and whoever asks waits for nothing: the caller requeues instead (see {@link ReconcileAdmission}).
 */
public final class ReconcileRateLimiter {

    private static final double NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

    private final double tokensPerNano;
    private final double burst;
    private final LongSupplier nanoTime;
    private double tokens;
    private long refilledAt;

    /** @param nanoTime a monotonic clock in nanoseconds, as {@link System#nanoTime()} */
    public ReconcileRateLimiter(int reconcilesPerSecond, LongSupplier nanoTime) {
        if (reconcilesPerSecond <= 0) {
            throw new IllegalArgumentException("max reconcile rate must be positive, got " + reconcilesPerSecond);
        }
        this.tokensPerNano = reconcilesPerSecond / NANOS_PER_SECOND;
        this.burst = 10.0 * reconcilesPerSecond;
        this.nanoTime = nanoTime;
        this.tokens = burst;
        this.refilledAt = nanoTime.getAsLong();
    }

    /** The limit on the system's monotonic clock. */
    public static ReconcileRateLimiter global(int reconcilesPerSecond) {
        return new ReconcileRateLimiter(reconcilesPerSecond, System::nanoTime);
    }

    /** Now, on this limiter's clock. */
    long now() {
        return nanoTime.getAsLong();
    }

    /** Takes the next token: zero if it is free now, else how long until it is due (rounded up to whole ms). */
    synchronized Duration reserve() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(burst, tokens + (now - refilledAt) * tokensPerNano);
        refilledAt = now;
        tokens -= 1;
        if (tokens >= 0) {
            return Duration.ZERO;
        }
        // java-operator-sdk reschedules in whole milliseconds: rounding down would come back before the token is due
        return wholeMillisUp(Math.round(-tokens / tokensPerNano));
    }

    /** {@code nanos} rounded up to whole milliseconds, at least one: what java-operator-sdk can reschedule after. */
    static Duration wholeMillisUp(long nanos) {
        return Duration.ofMillis(Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos + 999_999)));
    }
}
