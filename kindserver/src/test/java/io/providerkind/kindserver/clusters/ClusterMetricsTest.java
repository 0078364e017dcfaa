package io.providerkind.kindserver.clusters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.ClusterPhase;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterMetricsTest {

    @Test
    void theClustersByPhaseGaugeStillCountsAfterAGarbageCollection() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ClusterInfo ready = new ClusterInfo(
                "one", ClusterPhase.Ready, null, null, null, null, null, null, List.of(), null, null, null);
        // as KindClusterService passes this::list: a supplier that nothing but the metrics refers to
        new ClusterMetrics(registry, () -> List.of(ready));

        for (int i = 0; i < 3; i++) {
            System.gc();
        }

        assertEquals(
                1.0,
                registry.get("kindserver.clusters")
                        .tag("phase", "Ready")
                        .gauge()
                        .value());
    }
}
