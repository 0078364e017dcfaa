package io.providerkind.provider;

import java.time.Duration;

/**
 * How the provider runs; ProviderMain fills it from flags, tests from code.
 *
 * @param poll               how often an unchanged cluster is looked at (crossplane's --poll, default 1m)
 * @param busyPoll           how often a cluster being created or deleted is looked at
 * @param sync               how often every resource is reconciled even without a change (crossplane's --sync)
 * @param maxReconcileRate   reconciles per second across all resources, and concurrent reconciles
 * @param leaderElection     run as one of several replicas, only the leader reconciling
 * @param managementPolicies honour spec.managementPolicies (crossplane's feature flag, on by default)
 */
public record ProviderSettings(
        Duration poll,
        Duration busyPoll,
        Duration sync,
        int maxReconcileRate,
        boolean leaderElection,
        boolean managementPolicies) {

    public static ProviderSettings defaults() {
        return new ProviderSettings(
                Duration.ofMinutes(1), Duration.ofMillis(500), Duration.ofHours(1), 10, false, true);
    }

    public ProviderSettings withPoll(Duration newPoll) {
        return new ProviderSettings(newPoll, busyPoll, sync, maxReconcileRate, leaderElection, managementPolicies);
    }

    public ProviderSettings withBusyPoll(Duration newBusyPoll) {
        return new ProviderSettings(poll, newBusyPoll, sync, maxReconcileRate, leaderElection, managementPolicies);
    }

    public ProviderSettings withMaxReconcileRate(int rate) {
        return new ProviderSettings(poll, busyPoll, sync, rate, leaderElection, managementPolicies);
    }
}
