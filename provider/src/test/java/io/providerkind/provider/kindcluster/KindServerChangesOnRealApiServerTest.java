package io.providerkind.provider.kindcluster;

import static io.providerkind.provider.testing.ProviderHarness.holdsFor;
import static io.providerkind.provider.testing.ProviderHarness.waitUpTo;

import io.providerkind.kindserver.testing.KindContainers;
import io.providerkind.kindserver.testing.KindServerFixture;
import io.providerkind.provider.ProviderSettings;
import io.providerkind.provider.api.KindServerEndpoint;
import io.providerkind.provider.api.TestKindClusters;
import io.providerkind.provider.testing.FakeKindServer;
import io.providerkind.provider.testing.NamespacedApi;
import io.providerkind.provider.testing.ProviderHarness;
import io.providerkind.provider.testing.ProviderIntegrationTest;
import io.providerkind.sdk.ClusterChange;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.KindServerClient;
import io.providerkind.sdk.ObservedCluster;
import io.providerkind.testsupport.realparts.RequiresDocker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the busy poll five minutes long, a KindCluster still follows kindserver's create and delete as they happen:
 * the reconciles come from kindserver's changes (long-polls), on a real API server and a real kindserver with the
 * kind test double; and a kindserver that ignores long-polls costs a bounded number of GETs, no loop.
 */
@RequiresDocker
class KindServerChangesOnRealApiServerTest extends ProviderIntegrationTest {

    /** Far beyond every wait below: a reconcile seen within them was not the busy poll's. */
    private static final ProviderSettings SLOW_POLLS =
            ProviderSettings.defaults().withPoll(Duration.ofMinutes(10)).withBusyPoll(Duration.ofMinutes(5));

    private static final Duration WITHIN = Duration.ofMinutes(2);

    @TempDir
    static Path stateDir;

    private static KindServerFixture kindserver;

    @AfterAll
    static void stopKindServer() {
        if (kindserver != null) {
            kindserver.deleteClusters(name -> name.startsWith("push-"), Duration.ofMinutes(3));
            kindserver.close();
        }
        KindContainers.removeAll("push-legacy");
        KindContainers.removeAll("push-namespaced");
    }

    @Test
    void bothKindsOfKindClusterFollowKindserversChangesWithoutWaitingForTheBusyPoll() {
        kindserver = KindServerFixture.start(stateDir);
        ProviderHarness harness = startProvider(
                SLOW_POLLS, new SdkKindServerClientFactory(Duration.ofSeconds(5), Duration.ofSeconds(30)));
        KindServerEndpoint endpoint =
                new KindServerEndpoint(kindserver.baseUrl().toString(), kindserver.caPem(), null);

        harness.applyProviderConfig("default", endpoint, kindserver.password(), null);
        harness.apply(TestKindClusters.applied("push-legacy", TestKindClusters.SEED_CONFIG));
        harness.awaitCondition("push-legacy", "Ready", "True", "Available", WITHIN);
        harness.client().resource(harness.get("push-legacy")).delete();
        waitUpTo(WITHIN, "the KindCluster to be gone with its cluster").until(() -> harness.get("push-legacy") == null);

        NamespacedApi api = new NamespacedApi(harness.client());
        api.namespace("push-team");
        api.clusterProviderConfig("default", endpoint, kindserver.password());
        api.apply("push-team", "push-namespaced", null);
        api.awaitCondition("push-team", "push-namespaced", "Ready", "True", WITHIN);
        harness.client().resource(api.get("push-team", "push-namespaced")).delete();
        waitUpTo(WITHIN, "the namespaced KindCluster to be gone with its cluster")
                .until(() -> api.get("push-team", "push-namespaced") == null);
    }

    @Test
    void aKindserverThatIgnoresLongPollsIsAskedABoundedNumberOfTimes() {
        FakeKindServer fake = new FakeKindServer();
        IgnoresLongPolls ignoring = new IgnoresLongPolls(fake);
        ProviderHarness harness = startProvider(SLOW_POLLS, connection -> ignoring);
        harness.applyProviderConfig("default", null);

        harness.apply(TestKindClusters.applied("push-ignored", TestKindClusters.SEED_CONFIG));
        waitUpTo(Duration.ofSeconds(30), "the provider to wait on the Creating cluster once")
                .until(() -> ignoring.awaits.get() >= 1);

        holdsFor(
                "no further GETs until the busy poll (five minutes away)",
                Duration.ofSeconds(3),
                () -> ignoring.awaits.get() <= 2 && fake.finds.get() <= 3);
    }

    /** kindserver's answers, ETag included, from a kindserver (or proxy) that answers a long-poll at once. */
    private static final class IgnoresLongPolls implements KindServerClient {
        private static final String ETAG = "\"always-the-same\"";
        final AtomicInteger awaits = new AtomicInteger();
        private final FakeKindServer fake;

        IgnoresLongPolls(FakeKindServer fake) {
            this.fake = fake;
        }

        @Override
        public Optional<ObservedCluster> observe(String name) {
            return fake.find(name).map(cluster -> new ObservedCluster(cluster, Optional.of(ETAG)));
        }

        @Override
        public CompletableFuture<ClusterChange> awaitChange(String name, String etag, Duration timeout) {
            awaits.incrementAndGet();
            return CompletableFuture.completedFuture(
                    new ClusterChange.Changed(observe(name).orElseThrow()));
        }

        @Override
        public List<ClusterInfo> list() {
            return fake.list();
        }

        @Override
        public Optional<ClusterInfo> find(String name) {
            return fake.find(name);
        }

        @Override
        public ClusterInfo create(String name, String kindConfig, String owner) {
            return fake.create(name, kindConfig, owner);
        }

        @Override
        public ObservedCluster createObserved(String name, String kindConfig, String owner) {
            return new ObservedCluster(create(name, kindConfig, owner), Optional.of(ETAG));
        }

        @Override
        public boolean delete(String name) {
            return fake.delete(name);
        }
    }
}
