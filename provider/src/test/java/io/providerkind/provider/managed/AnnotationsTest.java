package io.providerkind.provider.managed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.providerkind.provider.api.KindCluster;
import io.providerkind.provider.api.TestKindClusters;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When a create counts as incomplete, as crossplane-runtime's meta package decides it. */
class AnnotationsTest {

    private static final Instant T = Instant.parse("2025-03-31T10:00:00Z");

    @Test
    void neverStartedCreateIsNotIncomplete() {
        assertFalse(Annotations.createIncomplete(TestKindClusters.stored("a")));
    }

    @Test
    void pendingWithoutResultIsIncomplete() {
        KindCluster cluster = TestKindClusters.stored("a");
        Annotations.setCreatePending(cluster, T);

        assertTrue(Annotations.createIncomplete(cluster));
    }

    @Test
    void pendingFollowedBySuccessOrFailureIsComplete() {
        KindCluster succeeded = TestKindClusters.stored("a");
        Annotations.setCreatePending(succeeded, T);
        Annotations.setCreateSucceeded(succeeded, T);
        KindCluster failed = TestKindClusters.stored("b");
        Annotations.setCreatePending(failed, T);
        Annotations.setCreateFailed(failed, T.plusSeconds(1));

        assertFalse(Annotations.createIncomplete(succeeded), "same second counts as complete");
        assertFalse(Annotations.createIncomplete(failed));
    }

    @Test
    void newPendingAfterAnOldSuccessIsIncomplete() {
        KindCluster cluster = TestKindClusters.stored("a");
        Annotations.setCreateSucceeded(cluster, T);
        Annotations.setCreatePending(cluster, T.plusSeconds(60));

        assertTrue(Annotations.createIncomplete(cluster));
    }

    @Test
    void timesAreWrittenAsCrossplaneWritesThem() {
        KindCluster cluster = TestKindClusters.stored("a");
        Annotations.setCreatePending(cluster, Instant.parse("2025-03-31T10:00:00.123456Z"));

        assertEquals(
                "2025-03-31T10:00:00Z",
                cluster.getMetadata().getAnnotations().get(Annotations.EXTERNAL_CREATE_PENDING));
    }

    @Test
    void pausedOnlyWhenTheAnnotationSaysTrue() {
        KindCluster cluster = TestKindClusters.stored("a");
        cluster.getMetadata().setAnnotations(Map.of(Annotations.PAUSED, "false"));

        assertFalse(Annotations.isPaused(cluster));
    }

    @Test
    void gracePeriodCountsFromTheLastSuccessfulCreate() {
        KindCluster cluster = TestKindClusters.stored("a");
        Annotations.setCreateSucceeded(cluster, T);

        assertTrue(Annotations.createSucceededWithin(cluster, Duration.ofSeconds(30), T.plusSeconds(29)));
        assertFalse(Annotations.createSucceededWithin(cluster, Duration.ofSeconds(30), T.plusSeconds(31)));
    }
}
