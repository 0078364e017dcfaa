package io.providerkind.provider.kindcluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.providerkind.provider.api.AtProvider;
import io.providerkind.provider.api.ImageStatus;
import io.providerkind.provider.api.KindCluster;
import io.providerkind.provider.api.TestKindClusters;
import io.providerkind.provider.managed.Conditions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A cluster being made or removed is looked at often enough that Ready follows kindserver closely. */
class KindClusterPollingTest {

    private static final Duration POLL = Duration.ofMinutes(1);
    private final KindClusterPolling polling = new KindClusterPolling(Duration.ofMillis(500));

    @Test
    void creatingClusterIsPolledFast() {
        KindCluster cluster = TestKindClusters.stored("a");
        cluster.replaceAtProvider(new AtProvider("Creating", "2/6", null, null, null, null, null, null));

        assertEquals(Duration.ofMillis(500), polling.apply(cluster, POLL));
    }

    @Test
    void justRequestedClusterIsPolledFastBeforeKindserverWasAskedAgain() {
        KindCluster cluster = TestKindClusters.stored("a");
        Conditions.set(cluster, Instant.now(), Conditions.creating());

        assertEquals(Duration.ofMillis(500), polling.apply(cluster, POLL));
    }

    @Test
    void deletedClusterIsPolledFast() {
        KindCluster cluster = TestKindClusters.stored("a");
        cluster.getMetadata().setDeletionTimestamp("2025-03-31T10:00:00Z");

        assertEquals(Duration.ofMillis(500), polling.apply(cluster, POLL));
    }

    @Test
    void readyClusterIsPolledAtThePollInterval() {
        KindCluster cluster = TestKindClusters.stored("a");
        cluster.replaceAtProvider(new AtProvider("Ready", null, null, null, null, null, null, null));
        Conditions.set(cluster, Instant.now(), Conditions.available());

        assertEquals(POLL, polling.apply(cluster, POLL));
    }

    @Test
    void readyClusterWhoseImagesKindserverLoadsIsPolledFastUntilTheyAreDoneOrFailed() {
        KindCluster cluster = TestKindClusters.stored("a");
        Conditions.set(cluster, Instant.now(), Conditions.available());
        AtProvider ready = new AtProvider("Ready", null, null, null, null, null, null, null);

        cluster.replaceAtProvider(ready.withImages(
                List.of(new ImageStatus("app:1", "Loaded", null), new ImageStatus("app:2", "Loading", null))));
        assertEquals(Duration.ofMillis(500), polling.apply(cluster, POLL));

        cluster.replaceAtProvider(ready.withImages(
                List.of(new ImageStatus("app:1", "Loaded", null), new ImageStatus("app:2", "Failed", "gone"))));
        assertEquals(POLL, polling.apply(cluster, POLL), "a failure is asked again at the poll interval");
    }
}
