package io.providerkind.provider.managed;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-resource exponential backoff after failures, as crossplane providers configure controller-runtime
 * (1 s doubling to at most 60 s): a failing resource is retried soon at first and then rarely, and
 * every other resource keeps its own pace. One success forgets the failures.
 */
public final class Backoff {

    private final Duration base;
    private final Duration max;
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();

    public Backoff(Duration base, Duration max) {
        this.base = base;
        this.max = max;
    }

    public static Backoff crossplaneDefaults() {
        return new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));
    }

    /** Counts one more failure of the resource and says how long to wait before trying again. */
    public Duration next(String key) {
        int count = failures.merge(key, 1, Integer::sum);
        long factor = 1L << Math.min(count - 1, 30);
        Duration delay = base.multipliedBy(factor);
        return delay.compareTo(max) > 0 ? max : delay;
    }

    public void reset(String key) {
        failures.remove(key);
    }
}
