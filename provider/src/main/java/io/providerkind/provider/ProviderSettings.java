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
 * @param pollJitter         each poll moved by a random amount up to this much either way (crossplane's
 *                           --poll-jitter); by default a tenth of the poll, as provider-kubernetes'
 *                           --poll-jitter-percentage 10
 * @param pollStateMetric    how often the state gauges are counted (crossplane's --poll-state-metric, default 5s)
 */
public record ProviderSettings(
        Duration poll,
        Duration busyPoll,
        Duration sync,
        int maxReconcileRate,
        boolean leaderElection,
        boolean managementPolicies,
        Duration pollJitter,
        Duration pollStateMetric) {

    public static final Duration DEFAULT_POLL_STATE_METRIC = Duration.ofSeconds(5);

    public static ProviderSettings defaults() {
        Duration poll = Duration.ofMinutes(1);
        return new ProviderSettings(
                poll,
                Duration.ofSeconds(5),
                Duration.ofHours(1),
                20,
                false,
                true,
                defaultJitter(poll),
                DEFAULT_POLL_STATE_METRIC);
    }

    /** A tenth of the poll interval. */
    public static Duration defaultJitter(Duration poll) {
        return poll.dividedBy(10);
    }

    /** Another poll, with the default jitter of that poll. */
    public ProviderSettings withPoll(Duration newPoll) {
        return new ProviderSettings(
                newPoll,
                busyPoll,
                sync,
                maxReconcileRate,
                leaderElection,
                managementPolicies,
                defaultJitter(newPoll),
                pollStateMetric);
    }

    public ProviderSettings withBusyPoll(Duration newBusyPoll) {
        return new ProviderSettings(
                poll,
                newBusyPoll,
                sync,
                maxReconcileRate,
                leaderElection,
                managementPolicies,
                pollJitter,
                pollStateMetric);
    }

    public ProviderSettings withMaxReconcileRate(int rate) {
        return new ProviderSettings(
                poll, busyPoll, sync, rate, leaderElection, managementPolicies, pollJitter, pollStateMetric);
    }

    public ProviderSettings withPollJitter(Duration jitter) {
        return new ProviderSettings(
                poll, busyPoll, sync, maxReconcileRate, leaderElection, managementPolicies, jitter, pollStateMetric);
    }

    public ProviderSettings withPollStateMetric(Duration interval) {
        return new ProviderSettings(
                poll, busyPoll, sync, maxReconcileRate, leaderElection, managementPolicies, pollJitter, interval);
    }
}
