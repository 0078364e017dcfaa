package io.providerkind.kindserver.clusters;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.ClusterPhase;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * kindserver's cluster metrics: {@code kindserver.clusters} (gauge by phase),
 * {@code kindserver.cluster.create} (timer by outcome: ready, failed, cancelled) and
 * {@code kindserver.cluster.delete} (timer by outcome: deleted, failed) and {@code kindserver.image.load} (timer of
 * each image's {@code kind load docker-image}, by outcome: loaded, failed, cancelled).
 */
final class ClusterMetrics implements AutoCloseable {

    private final MeterRegistry registry;
    private final List<Meter> gauges = new ArrayList<>();

    ClusterMetrics(MeterRegistry registry, Supplier<List<ClusterInfo>> clusters) {
        this.registry = registry;
        for (ClusterPhase phase : ClusterPhase.values()) {
            gauges.add(Gauge.builder(
                            "kindserver.clusters",
                            clusters,
                            all -> all.get().stream()
                                    .filter(c -> c.phase() == phase)
                                    .count())
                    .description("Clusters kindserver knows, by phase")
                    .tag("phase", phase.name())
                    // Micrometer holds a gauge's state weakly, and nothing else holds this supplier: after a
                    // garbage collection the gauge would read NaN
                    .strongReference(true)
                    .register(registry));
        }
    }

    Timer.Sample start() {
        return Timer.start(registry);
    }

    void createEnded(Timer.Sample sample, String outcome) {
        sample.stop(Timer.builder("kindserver.cluster.create")
                .description("Time from accepted create to its end")
                .tag("outcome", outcome)
                .register(registry));
    }

    void deleteEnded(Timer.Sample sample, String outcome) {
        sample.stop(Timer.builder("kindserver.cluster.delete")
                .description("Time a delete took")
                .tag("outcome", outcome)
                .register(registry));
    }

    void imageLoadEnded(Timer.Sample sample, String outcome) {
        sample.stop(Timer.builder("kindserver.image.load")
                .description("Time kind took to load one image into every node of a cluster")
                .tag("outcome", outcome)
                .register(registry));
    }

    /** Gauges refer to the service; a closed service must not be sampled. */
    @Override
    public void close() {
        gauges.forEach(registry::remove);
    }
}
