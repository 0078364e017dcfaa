package io.providerkind.provider.managed;

import static io.providerkind.provider.api.ManagementAction.Create;

import io.providerkind.provider.api.DeletionPolicy;
import io.providerkind.provider.api.KindCluster;
import io.providerkind.provider.api.ManagementAction;
import io.providerkind.provider.api.TestKindClusters;
import java.time.Duration;
import java.util.List;

/** Managed resources in the states the decision-table tests start from. */
final class ReconcilerStates {

    private ReconcilerStates() {}

    static KindCluster withPolicies(List<ManagementAction> policies) {
        KindCluster cluster =
                TestKindClusters.applied("dev", TestKindClusters.SEED_CONFIG, null, DeletionPolicy.Delete, policies);
        KindCluster stored = TestKindClusters.stored("dev");
        stored.setSpec(cluster.getSpec());
        return stored;
    }

    /** A resource whose external resource was created and observed once. */
    static ReconcilerHarness created(DeletionPolicy deletion, List<ManagementAction> policies) {
        KindCluster stored = TestKindClusters.stored("dev");
        stored.setSpec(TestKindClusters.applied("dev", TestKindClusters.SEED_CONFIG, null, deletion, policies)
                .getSpec());
        ReconcilerHarness h = new ReconcilerHarness(stored);
        if (policies.contains(ManagementAction.All) || policies.contains(Create)) {
            h.reconcile();
        }
        h.external.observation = m -> ExternalObservation.upToDate(ConnectionDetails.none());
        h.clock.advance(Duration.ofMinutes(1));
        h.reconcile();
        h.events.events.clear();
        return h;
    }

    static void markDeleted(ReconcilerHarness h) {
        KindCluster current = h.store.read();
        current.getMetadata().setDeletionTimestamp("2025-03-31T10:05:00Z");
        h.store.update(current);
    }
}
