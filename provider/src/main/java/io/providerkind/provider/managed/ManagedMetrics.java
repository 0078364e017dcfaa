package io.providerkind.provider.managed;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.providerkind.provider.api.Condition;
import io.providerkind.provider.api.Managed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * crossplane-runtime's managed-resource timings, under its metric names and {@code gvk} label, so that
 * Crossplane dashboards work unchanged: time to first reconcile, time to first readiness, deletion
 * time, and drift (time since the last reconcile that found the resource up to date, when one was not).
 */
public final class ManagedMetrics {

    private static final Duration[] LIFECYCLE_BUCKETS = seconds(1, 5, 10, 15, 30, 60, 120, 300, 600, 1800, 3600);
    private static final Duration[] FAST_BUCKETS = {
        Duration.ofMillis(10),
        Duration.ofMillis(100),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofSeconds(5),
        Duration.ofSeconds(30)
    };

    private final Clock clock;
    private final Timer firstReconcile;
    private final Timer firstReady;
    private final Timer deletion;
    private final Timer drift;
    // UIDs counted as reconciled for the first time: a copy read before the first status write landed still
    // has no Synced condition, and must not count the same resource twice
    private final Set<String> firstReconciled = ConcurrentHashMap.newKeySet();
    // UIDs reconciled for the first time by this process, waiting for their first Ready=True
    private final Map<String, Instant> awaitingReady = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastUnchanged = new ConcurrentHashMap<>();

    public ManagedMetrics(MeterRegistry registry, String gvk, Clock clock) {
        this.clock = clock;
        this.firstReconcile = timer(
                registry,
                "first_time_to_reconcile",
                "The time it took for a managed resource to be detected by the controller",
                gvk,
                FAST_BUCKETS);
        this.firstReady = timer(
                registry,
                "first_time_to_readiness",
                "The time it took for a managed resource to become ready first time after creation",
                gvk,
                LIFECYCLE_BUCKETS);
        this.deletion = timer(
                registry, "deletion", "The time it took for a managed resource to be deleted", gvk, LIFECYCLE_BUCKETS);
        this.drift = timer(
                registry,
                "drift",
                "How long since the previous successful reconcile when a resource was found to be out of sync",
                gvk,
                FAST_BUCKETS);
    }

    /** Called at the start of every reconcile; counts only a resource never reconciled before (no Synced yet), once. */
    public void recordFirstTimeReconciled(Managed managed) {
        if (Conditions.find(managed, Conditions.SYNCED).isEmpty() && firstReconciled.add(uid(managed))) {
            firstReconcile.record(since(creation(managed)));
            awaitingReady.put(uid(managed), clock.instant());
        }
    }

    /** Called after every reconcile; counts the first Ready=True of a resource first seen by this process. */
    public void recordFirstTimeReady(Managed managed) {
        boolean ready = Conditions.find(managed, Conditions.READY)
                .map(Condition::isTrue)
                .orElse(false);
        if (ready && awaitingReady.remove(uid(managed)) != null) {
            firstReady.record(since(creation(managed)));
        }
    }

    public void recordDeleted(Managed managed) {
        String deletedAt = managed.getMetadata().getDeletionTimestamp();
        if (deletedAt != null) {
            deletion.record(since(OffsetDateTime.parse(deletedAt).toInstant()));
        }
        firstReconciled.remove(uid(managed));
        awaitingReady.remove(uid(managed));
        lastUnchanged.remove(uid(managed));
    }

    public void recordUnchanged(Managed managed) {
        lastUnchanged.put(uid(managed), clock.instant());
    }

    public void recordDrift(Managed managed) {
        Instant last = lastUnchanged.put(uid(managed), clock.instant());
        if (last != null) {
            drift.record(since(last));
        }
    }

    private Duration since(Instant then) {
        Duration elapsed = Duration.between(then, clock.instant());
        return elapsed.isNegative() ? Duration.ZERO : elapsed;
    }

    private static Instant creation(Managed managed) {
        String created = managed.getMetadata().getCreationTimestamp();
        return created == null ? Instant.EPOCH : OffsetDateTime.parse(created).toInstant();
    }

    private static String uid(Managed managed) {
        String uid = managed.getMetadata().getUid();
        return uid == null ? managed.getMetadata().getName() : uid;
    }

    private static Timer timer(MeterRegistry registry, String name, String help, String gvk, Duration[] buckets) {
        return Timer.builder("crossplane.managed_resource." + name)
                .description(help)
                .tag("gvk", gvk)
                .serviceLevelObjectives(buckets)
                .register(registry);
    }

    private static Duration[] seconds(long... values) {
        Duration[] result = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = Duration.ofSeconds(values[i]);
        }
        return result;
    }
}
