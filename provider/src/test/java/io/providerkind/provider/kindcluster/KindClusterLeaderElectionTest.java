package io.providerkind.provider.kindcluster;

import static io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE;
import static io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE;
import static io.providerkind.provider.kindcluster.KindClusterLifecycleTest.seedCluster;
import static io.providerkind.provider.testing.ProviderHarness.holdsFor;
import static io.providerkind.provider.testing.ProviderHarness.waitUpTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.micrometer.core.instrument.Counter;
import io.providerkind.provider.ProviderSettings;
import io.providerkind.provider.testing.FakeKindServer;
import io.providerkind.provider.testing.ProviderHarness;
import io.providerkind.provider.testing.ProviderIntegrationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the provider with leader election, on a real API server and one (fake) kindserver:
 * only the Lease's holder reconciles, and when it stops the other takes the Lease over and carries on.
 */
class KindClusterLeaderElectionTest extends ProviderIntegrationTest {

    /** crossplane's name for a provider's lease; an operator looks for it under this name. */
    private static final String LEASE = "crossplane-leader-election-provider-kind";
    /**
     * A stopped leader's lease expires a lease duration after its last renewal (at most a retry period before the
     * stop), and the other replica takes it at its next attempt: fabric8's LeaderElector waits retryPeriod × (1 + 1.2
     * × random) between attempts, so up to 2.2 retry periods. Beyond that, the API server's answers under load.
     */
    private static final Duration TAKEOVER = LEASE_DURATION_DEFAULT_VALUE
            .plus(RETRY_PERIOD_DEFAULT_VALUE.multipliedBy(22).dividedBy(10))
            .plus(Duration.ofSeconds(5));

    private static final ProviderSettings REPLICA = new ProviderSettings(
            Duration.ofSeconds(1),
            Duration.ofMillis(200),
            Duration.ofHours(1),
            10,
            true,
            true,
            Duration.ofMillis(100),
            ProviderSettings.DEFAULT_POLL_STATE_METRIC);

    private final FakeKindServer kindserver = new FakeKindServer();
    private ProviderHarness first;
    private ProviderHarness second;

    /** Before the base class closes both replicas: the follower must not take the lease the test deletes. */
    @AfterEach
    void removeTheLease() {
        if (second != null) {
            second.stopProvider();
        }
        first.client()
                .resources(Lease.class)
                .inAnyNamespace()
                .withField("metadata.name", LEASE)
                .delete();
    }

    @Test
    void onlyTheLeaderReconcilesAndTheOtherTakesOverWhenItStops() {
        first = startProvider(REPLICA, connection -> kindserver);
        waitUpTo(WAIT, "the first replica holds the lease")
                .until(() -> !leaseHolder().isEmpty());
        String leader = leaseHolder();
        second = startProvider(REPLICA, connection -> kindserver);
        long followerWrites = second.apiWrites();

        first.applyProviderConfig("default", null);
        first.apply(seedCluster("one", "default", null));
        awaitReady("one");
        holdsFor(
                "the leader keeps the lease and the follower reconciles nothing",
                Duration.ofSeconds(3),
                () -> leaseHolder().equals(leader) && reconciles(second) == 0);
        assertEquals(1, kindserver.creates.get(), "one create for one cluster, with two replicas running");
        assertTrue(reconciles(first) > 0, "the leader reconciled");
        assertEquals(followerWrites, second.apiWrites(), "the follower wrote nothing to the API");

        first.stopProvider();
        waitUpTo(TAKEOVER, "the second replica takes the lease").until(() -> {
            String holder = leaseHolder();
            return !holder.isEmpty() && !holder.equals(leader);
        });
        first.apply(seedCluster("two", "default", null));
        awaitReady("two");
        assertTrue(reconciles(second) > 0, "the new leader reconciles");
        assertEquals(List.of("one", "two"), kindserver.createdNames);
        assertEquals(2, kindserver.creates.get(), "one create call per cluster across the handover");
        assertEquals("True", first.condition("one", "Ready").orElseThrow().status(), "the first cluster still Ready");
    }

    private void awaitReady(String name) {
        waitUpTo(WAIT, "kindserver is asked to create " + name).until(() -> kindserver.has(name));
        kindserver.ready(name);
        first.awaitCondition(name, "Ready", "True", "Available", WAIT);
    }

    /** The Lease's holder; there is exactly one Lease of that name, wherever the provider put it. */
    private String leaseHolder() {
        List<Lease> leases = first.client()
                .resources(Lease.class)
                .inAnyNamespace()
                .withField("metadata.name", LEASE)
                .list()
                .getItems();
        if (leases.isEmpty()) {
            return "";
        }
        assertEquals(1, leases.size(), "one lease " + LEASE + ": " + leases);
        String holder = leases.get(0).getSpec().getHolderIdentity();
        return holder == null ? "" : holder;
    }

    private static double reconciles(ProviderHarness replica) {
        return replica.registry().find("controller_runtime_reconcile").counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }
}
