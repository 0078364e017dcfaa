package io.providerkind.provider.managed;

import io.providerkind.provider.api.Managed;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import java.util.random.RandomGenerator;

/**
 * How one managed reconciler behaves (crossplane-runtime's reconciler options).
 *
 * @param pollInterval              how long after a successful reconcile to look at the external resource again,
 *                                  unless the resource's {@code crossplane.io/poll-interval} annotation says otherwise
 * @param pollIntervalHook          may shorten or lengthen the poll per resource, e.g. poll fast while creating
 * @param creationGracePeriod       how long after a create an absent external resource is not yet believed absent
 * @param managementPolicies        whether spec.managementPolicies is honoured
 * @param deterministicExternalName the external name is known before Create (not made up by the external
 *                                  system), so an unrecorded create is safe to resolve by observing
 * @param pollJitter                each poll is moved by a random amount between minus and plus this much
 *                                  (crossplane's {@code WithPollJitterHook}), so that resources created together
 *                                  do not stay polled together; zero for none
 * @param random                    where the jitter comes from
 */
public record ReconcilerSettings(
        Duration pollInterval,
        BiFunction<Managed, Duration, Duration> pollIntervalHook,
        Duration creationGracePeriod,
        boolean managementPolicies,
        boolean deterministicExternalName,
        Duration pollJitter,
        RandomGenerator random) {

    public static ReconcilerSettings defaults(Duration pollInterval) {
        return new ReconcilerSettings(
                pollInterval,
                (m, poll) -> poll,
                Duration.ofSeconds(30),
                true,
                false,
                Duration.ZERO,
                // asked for the calling thread's generator at each draw: ThreadLocalRandom.current() kept and
                // used from other (reconciler) threads would draw from seeds never initialised for them
                () -> ThreadLocalRandom.current().nextLong());
    }

    public ReconcilerSettings withPollIntervalHook(BiFunction<Managed, Duration, Duration> hook) {
        return new ReconcilerSettings(
                pollInterval,
                hook,
                creationGracePeriod,
                managementPolicies,
                deterministicExternalName,
                pollJitter,
                random);
    }

    public ReconcilerSettings withDeterministicExternalName(boolean deterministic) {
        return new ReconcilerSettings(
                pollInterval,
                pollIntervalHook,
                creationGracePeriod,
                managementPolicies,
                deterministic,
                pollJitter,
                random);
    }

    public ReconcilerSettings withManagementPolicies(boolean enabled) {
        return new ReconcilerSettings(
                pollInterval,
                pollIntervalHook,
                creationGracePeriod,
                enabled,
                deterministicExternalName,
                pollJitter,
                random);
    }

    public ReconcilerSettings withCreationGracePeriod(Duration period) {
        return new ReconcilerSettings(
                pollInterval,
                pollIntervalHook,
                period,
                managementPolicies,
                deterministicExternalName,
                pollJitter,
                random);
    }

    public ReconcilerSettings withPollJitter(Duration jitter) {
        return withPollJitter(jitter, random);
    }

    public ReconcilerSettings withPollJitter(Duration jitter, RandomGenerator source) {
        return new ReconcilerSettings(
                pollInterval,
                pollIntervalHook,
                creationGracePeriod,
                managementPolicies,
                deterministicExternalName,
                jitter,
                source);
    }

    /**
     * The poll interval of this resource before jitter and hook: its {@code crossplane.io/poll-interval} annotation
     * if that is a positive duration, else the configured one (crossplane-runtime's effectivePollInterval, whose
     * minimum is zero unless a provider sets one; this provider sets none).
     */
    public Duration effectivePollInterval(Managed managed) {
        return Annotations.pollInterval(managed).orElse(pollInterval);
    }

    /**
     * When to look at this resource again after a successful reconcile: its effective poll interval, jittered,
     * then handed to the hook, in crossplane-runtime's order ({@code hook(managed, effectivePollInterval)} with the
     * jitter hook), so that a busy poll stays as short as the hook makes it.
     */
    public Duration pollFor(Managed managed) {
        return pollIntervalHook.apply(managed, jittered(effectivePollInterval(managed)));
    }

    /**
     * The interval moved by up to the jitter either way. A jitter of half the interval or more (a short
     * poll-interval annotation) is cut to half of it: crossplane would requeue a negative interval at once, which
     * is a busy loop, not a poll.
     */
    Duration jittered(Duration interval) {
        if (pollJitter.isZero() || pollJitter.isNegative()) {
            return interval;
        }
        long bound = Math.min(pollJitter.toNanos(), interval.toNanos() / 2);
        long offset = Math.round((random.nextDouble() * 2 - 1) * bound);
        return interval.plusNanos(offset);
    }
}
