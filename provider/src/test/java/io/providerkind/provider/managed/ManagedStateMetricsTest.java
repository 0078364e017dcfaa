package io.providerkind.provider.managed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.providerkind.provider.api.KindCluster;
import io.providerkind.provider.api.TestKindClusters;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** crossplane's state gauges count what the cache holds: how many exist, how many are Ready=True and Synced=True. */
class ManagedStateMetricsTest {

    private static final String GVK = "container.kind.crossplane.io/v1alpha1, Kind=KindCluster";
    private static final Instant NOW = Instant.parse("2025-03-31T10:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<KindCluster> cache = new ArrayList<>();
    private final ManagedStateMetrics<KindCluster> states =
            new ManagedStateMetrics<>(registry, GVK, Duration.ofSeconds(5));

    private static KindCluster with(String name, boolean ready, boolean synced) {
        KindCluster cluster = TestKindClusters.stored(name);
        Conditions.set(
                cluster,
                NOW,
                ready ? Conditions.available() : Conditions.creating(),
                synced ? Conditions.reconcileSuccess() : Conditions.reconcileError("kindserver unreachable"));
        return cluster;
    }

    private double gauge(String name) {
        Gauge gauge = registry.find("crossplane.managed_resource." + name)
                .tag("gvk", GVK)
                .gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }

    @Test
    void countsExistingReadyAndSyncedResourcesOfTheKind() {
        states.bind(cache::stream);
        cache.add(with("a", true, true));
        cache.add(with("b", false, true));
        cache.add(with("c", false, false));
        cache.add(TestKindClusters.stored("never-reconciled"));

        states.record();

        assertEquals(4, gauge("exists"));
        assertEquals(1, gauge("ready"));
        assertEquals(2, gauge("synced"));
    }

    @Test
    void countsFollowTheCacheAndDropToZeroWhenTheResourcesAreGone() {
        states.bind(cache::stream);
        cache.add(with("a", true, true));
        states.record();
        cache.clear();

        states.record();

        assertEquals(0, gauge("exists"));
        assertEquals(0, gauge("ready"));
        assertEquals(0, gauge("synced"));
    }

    @Test
    void noSeriesBeforeTheFirstCount() {
        states.record();

        assertNull(registry.find("crossplane.managed_resource.exists").gauge(), "nothing counted: no cache bound yet");
    }
}
