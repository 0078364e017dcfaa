package io.providerkind.provider.managed;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Whether one controller's reconcile of a resource may run now, under the provider's {@link ReconcileRateLimiter}
 * (crossplane-runtime's rate-limited Reconciler wrapper): over the limit, the reconcile is not run but requeued for
 * when its token is due, and no worker waits. The requeued reconcile has paid: when it comes back it runs without
 * taking another token. If it comes back early (an event about the resource arrived meanwhile), it is requeued
 * for the rest of the wait, still without another token, where crossplane would let it through.
 */
public final class ReconcileAdmission {

    /** java-operator-sdk's timer fires on the wall clock in whole milliseconds: as good as due. */
    private static final long EARLY_ENOUGH_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final ReconcileRateLimiter limiter;
    private final Map<String, Long> dueAt = new ConcurrentHashMap<>();

    public ReconcileAdmission(ReconcileRateLimiter limiter) {
        this.limiter = limiter;
    }

    /**
     * Zero: reconcile the resource with this key now. Otherwise do not, and come back after this long. Never called
     * twice at once for one key: java-operator-sdk reconciles a resource on one thread at a time.
     */
    public Duration admit(String key) {
        long now = limiter.now();
        Long due = dueAt.get(key);
        if (due != null) {
            long left = due - now;
            if (left < EARLY_ENOUGH_NANOS) {
                dueAt.remove(key);
                return Duration.ZERO;
            }
            return ReconcileRateLimiter.wholeMillisUp(left);
        }
        Duration wait = limiter.reserve();
        if (!wait.isZero()) {
            dueAt.put(key, now + wait.toNanos());
        }
        return wait;
    }

    /** The resource is gone: a token it was waiting for is not its to use any more. */
    public void forget(String key) {
        dueAt.remove(key);
    }
}
