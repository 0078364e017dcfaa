package io.providerkind.provider;

import static io.providerkind.provider.testing.ProviderHarness.waitUpTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.providerkind.provider.api.KindCluster;
import io.providerkind.provider.api.TestKindClusters;
import io.providerkind.provider.managed.Annotations;
import io.providerkind.provider.testing.FakeKindServer;
import io.providerkind.provider.testing.ProviderHarness;
import io.providerkind.provider.testing.ProviderIntegrationTest;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.KindServerClient;
import io.providerkind.sdk.UnreachableException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Stopping the provider (SIGTERM in a pod) on a real API server, kindserver faked and slow to answer a create. */
class ProviderStopTest extends ProviderIntegrationTest {

    /** Long enough for the stop to begin while the create waits for its answer. */
    private static final Duration CREATE_ANSWER = Duration.ofSeconds(3);

    private final FakeKindServer kindserver = new FakeKindServer();
    private final AtomicInteger asked = new AtomicInteger();

    @Test
    void aCreateKindserverIsAnsweringWhenTheProviderStopsIsRecordedBeforeItExits() {
        ProviderHarness harness = startProvider(FAST_POLL, connection -> new SlowToCreate(kindserver, asked));
        harness.applyProviderConfig("default", null);
        harness.apply(TestKindClusters.applied("sigterm", TestKindClusters.SEED_CONFIG));
        waitUpTo(WAIT, "the create reaches kindserver").until(() -> asked.get() == 1);

        harness.stopProvider();

        // nothing reconciles any more: what is recorded now is what the provider recorded before it exited
        KindCluster stopped = harness.get("sigterm");
        assertTrue(
                stopped.getMetadata().getAnnotations().containsKey(Annotations.EXTERNAL_CREATE_SUCCEEDED),
                "the answered create is recorded: " + stopped.getMetadata().getAnnotations());
        assertEquals(1, kindserver.creates.get(), "answered once, asked once");
        assertEquals(1, asked.get());
    }

    /** kindserver answering a create only after {@link #CREATE_ANSWER}, as a busy host does. */
    private record SlowToCreate(FakeKindServer kindserver, AtomicInteger asked) implements KindServerClient {

        @Override
        public ClusterInfo create(String name, String kindConfig, String owner) {
            asked.incrementAndGet();
            try {
                Thread.sleep(CREATE_ANSWER.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UnreachableException("interrupted while waiting for the answer", e);
            }
            return kindserver.create(name, kindConfig, owner);
        }

        @Override
        public List<ClusterInfo> list() {
            return kindserver.list();
        }

        @Override
        public Optional<ClusterInfo> find(String name) {
            return kindserver.find(name);
        }

        @Override
        public boolean delete(String name) {
            return kindserver.delete(name);
        }
    }
}
