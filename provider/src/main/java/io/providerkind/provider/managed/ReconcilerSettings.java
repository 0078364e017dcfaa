package io.providerkind.provider.managed;

import io.providerkind.provider.api.Managed;
import java.time.Duration;
import java.util.function.BiFunction;

/**
 * How one managed reconciler behaves (crossplane-runtime's reconciler options).
 *
 * @param pollInterval              how long after a successful reconcile to look at the external resource again
 * @param pollIntervalHook          may shorten or lengthen the poll per resource, e.g. poll fast while creating
 * @param creationGracePeriod       how long after a create an absent external resource is not yet believed absent
 * @param managementPolicies        whether spec.managementPolicies is honoured
 * @param deterministicExternalName the external name is known before Create (not made up by the external
 *                                  system), so an unrecorded create is safe to resolve by observing
 */
public record ReconcilerSettings(
        Duration pollInterval,
        BiFunction<Managed, Duration, Duration> pollIntervalHook,
        Duration creationGracePeriod,
        boolean managementPolicies,
        boolean deterministicExternalName) {

    public static ReconcilerSettings defaults(Duration pollInterval) {
        return new ReconcilerSettings(pollInterval, (m, poll) -> poll, Duration.ofSeconds(30), true, false);
    }

    public ReconcilerSettings withPollIntervalHook(BiFunction<Managed, Duration, Duration> hook) {
        return new ReconcilerSettings(
                pollInterval, hook, creationGracePeriod, managementPolicies, deterministicExternalName);
    }

    public ReconcilerSettings withDeterministicExternalName(boolean deterministic) {
        return new ReconcilerSettings(
                pollInterval, pollIntervalHook, creationGracePeriod, managementPolicies, deterministic);
    }

    public ReconcilerSettings withManagementPolicies(boolean enabled) {
        return new ReconcilerSettings(
                pollInterval, pollIntervalHook, creationGracePeriod, enabled, deterministicExternalName);
    }

    public ReconcilerSettings withCreationGracePeriod(Duration period) {
        return new ReconcilerSettings(
                pollInterval, pollIntervalHook, period, managementPolicies, deterministicExternalName);
    }

    /** The poll interval for this resource, after the hook had its say. */
    public Duration pollFor(Managed managed) {
        return pollIntervalHook.apply(managed, pollInterval);
    }
}
