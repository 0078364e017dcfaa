package io.providerkind.provider.kindcluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.providerkind.provider.api.KindCluster;
import io.providerkind.sdk.ClusterChange;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.KindServerClient;
import io.providerkind.sdk.ObservedCluster;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One wait per KindCluster, an event only for a real change, and no wait left behind. */
class KindServerChangesTest {

    private static final ResourceID RESOURCE = new ResourceID("push-a", null);
    private static final String ETAG = "\"etag-1\"";

    private final KindServerChanges<KindCluster> changes = new KindServerChanges<>("test");
    private final List<ResourceID> events = new CopyOnWriteArrayList<>();
    private final Waits kindserver = new Waits();

    @BeforeEach
    void start() {
        changes.setEventHandler(event -> events.add(event.getRelatedCustomResourceID()));
        changes.start();
    }

    @Test
    void aKindClusterHasOneWaitAtMost() {
        changes.watch(RESOURCE, kindserver, "push-a", ETAG);
        changes.watch(RESOURCE, kindserver, "push-a", ETAG);

        assertEquals(1, kindserver.waits.size());
        assertEquals(1, changes.watching());
    }

    @Test
    void aChangeReconcilesTheKindClusterAndEndsItsWait() {
        changes.watch(RESOURCE, kindserver, "push-a", ETAG);

        kindserver.waits.get(0).complete(new ClusterChange.Changed(observed("\"etag-2\"")));

        assertEquals(List.of(RESOURCE), events);
        assertEquals(0, changes.watching());
    }

    @Test
    void theSameAnswerAtOnceIsNoChangeAndNoNewWait() {
        changes.watch(RESOURCE, kindserver, "push-a", ETAG);

        kindserver.waits.get(0).complete(new ClusterChange.Changed(observed(ETAG)));
        kindserver.waits.get(0).complete(new ClusterChange.Unchanged());

        assertTrue(events.isEmpty());
        assertEquals(1, kindserver.waits.size());
        assertEquals(0, changes.watching());
    }

    @Test
    void anUnchangedAnswerBeforeHalfTheTimeoutEndsTheWaitWithoutAnother() {
        changes.watch(RESOURCE, kindserver, "push-a", ETAG);

        kindserver.waits.get(0).complete(new ClusterChange.Unchanged());

        assertTrue(events.isEmpty());
        assertEquals(1, kindserver.waits.size());
        assertEquals(0, changes.watching());
    }

    @Test
    void aFailedWaitEndsWithoutAnEvent() {
        changes.watch(RESOURCE, kindserver, "push-a", ETAG);

        kindserver.waits.get(0).completeExceptionally(new IllegalStateException("kindserver is gone"));

        assertTrue(events.isEmpty());
        assertEquals(0, changes.watching());
    }

    @Test
    void stoppingAWaitOrTheSourceCancelsTheRequest() {
        changes.watch(RESOURCE, kindserver, "push-a", ETAG);
        changes.watch(new ResourceID("push-b", null), kindserver, "push-b", ETAG);

        changes.stopWatching(RESOURCE);
        assertTrue(kindserver.waits.get(0).isCancelled());

        changes.stop();
        assertTrue(kindserver.waits.get(1).isCancelled());
        assertEquals(0, changes.watching());
        assertTrue(events.isEmpty());
    }

    @Test
    void aSourceThatIsNotRunningWaitsForNothing() {
        changes.stop();

        changes.watch(RESOURCE, kindserver, "push-a", ETAG);

        assertTrue(kindserver.waits.isEmpty());
    }

    private static ObservedCluster observed(String etag) {
        return new ObservedCluster(
                new ClusterInfo("push-a", null, null, null, null, null, null, null, List.of(), null, null, null),
                Optional.of(etag));
    }

    /** A kindserver whose waits the test ends. */
    private static final class Waits implements KindServerClient {
        final List<CompletableFuture<ClusterChange>> waits = new CopyOnWriteArrayList<>();

        @Override
        public CompletableFuture<ClusterChange> awaitChange(String name, String etag, Duration timeout) {
            CompletableFuture<ClusterChange> wait = new CompletableFuture<>();
            waits.add(wait);
            return wait;
        }

        @Override
        public List<ClusterInfo> list() {
            return List.of();
        }

        @Override
        public Optional<ClusterInfo> find(String name) {
            return Optional.empty();
        }

        @Override
        public ClusterInfo create(String name, String kindConfig, String owner) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean delete(String name) {
            return false;
        }
    }
}
