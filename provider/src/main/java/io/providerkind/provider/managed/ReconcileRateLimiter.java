package io.providerkind.provider.managed;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A global token bucket on reconciles, as crossplane providers' {@code --max-reconcile-rate}: at most
 * that many reconciles start per second across all resources, so a burst (a restart with hundreds of
 * resources) does not hammer kindserver or the API server.
 */
public final class ReconcileRateLimiter {

    private final double permitsPerSecond;
    private final double capacity;
    private double available;
    private long lastRefillNanos;

    public ReconcileRateLimiter(int permitsPerSecond) {
        if (permitsPerSecond <= 0) {
            throw new IllegalArgumentException("max reconcile rate must be positive, got " + permitsPerSecond);
        }
        this.permitsPerSecond = permitsPerSecond;
        this.capacity = permitsPerSecond;
        this.available = permitsPerSecond;
        this.lastRefillNanos = System.nanoTime();
    }

    /** Waits until a reconcile may start. */
    public void acquire() {
        long waitNanos;
        synchronized (this) {
            refill();
            available -= 1;
            waitNanos = available >= 0 ? 0 : (long) (-available / permitsPerSecond * TimeUnit.SECONDS.toNanos(1));
        }
        if (waitNanos > 0) {
            LockSupport.parkNanos(waitNanos);
        }
    }

    private void refill() {
        long now = System.nanoTime();
        double earned = (now - lastRefillNanos) / (double) TimeUnit.SECONDS.toNanos(1) * permitsPerSecond;
        available = Math.min(capacity, available + earned);
        lastRefillNanos = now;
    }
}
