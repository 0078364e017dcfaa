package io.providerkind.provider.managed;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.providerkind.provider.api.Condition;
import io.providerkind.provider.api.KindCluster;
import io.providerkind.provider.api.Managed;
import io.providerkind.provider.testing.RecordingEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiFunction;
import java.util.random.RandomGenerator;

/**
 * A managed reconciler wired to fakes: each {@link #reconcile()} reads the resource fresh from the fake
 * API server, as the informer would hand it over, and runs one reconcile.
 */
final class ReconcilerHarness {

    static final Duration POLL = Duration.ofMinutes(1);

    final MutableClock clock = new MutableClock(Instant.parse("2025-03-31T10:00:05Z"));
    final FakeStore store;
    final FakeExternal external = new FakeExternal();
    final RecordingPublisher publisher = new RecordingPublisher();
    final RecordingEvents events = new RecordingEvents();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    // one per controller, as in the provider: it remembers what it counted across reconciles
    private final ManagedMetrics metrics =
            new ManagedMetrics(registry, "container.kind.crossplane.io/v1alpha1, Kind=KindCluster", clock);
    private ReconcilerSettings settings = ReconcilerSettings.defaults(POLL);

    ReconcilerHarness(KindCluster initial) {
        this.store = new FakeStore(initial);
    }

    ReconcilerHarness deterministicExternalName() {
        settings = settings.withDeterministicExternalName(true);
        return this;
    }

    /** Polls every {@code poll}, or as the hook says, as the provider's busy poll does. */
    ReconcilerHarness polling(Duration poll, BiFunction<Managed, Duration, Duration> hook) {
        settings = new ReconcilerSettings(
                poll,
                hook,
                settings.creationGracePeriod(),
                settings.managementPolicies(),
                settings.deterministicExternalName(),
                settings.pollJitter(),
                settings.random());
        return this;
    }

    /** Jitters every poll by up to {@code jitter}, drawing from {@code random}. */
    ReconcilerHarness jittering(Duration jitter, RandomGenerator random) {
        settings = settings.withPollJitter(jitter, random);
        return this;
    }

    ReconcilerHarness managementPoliciesDisabled() {
        settings = settings.withManagementPolicies(false);
        return this;
    }

    Outcome reconcile() {
        return reconcile(store.read());
    }

    Outcome reconcile(KindCluster copy) {
        return reconciler().reconcile(copy);
    }

    /** A reconciler with the harness's fakes and its settings as they are now. */
    ManagedReconciler<KindCluster> reconciler() {
        return new ManagedReconciler<>(store, external, publisher, events, metrics, settings, clock);
    }

    KindCluster stored() {
        return store.read();
    }

    Condition condition(String type) {
        return Conditions.find(stored(), type).orElseThrow(() -> new AssertionError("no " + type + " condition"));
    }

    String annotation(String key) {
        return stored().getMetadata().getAnnotations() == null
                ? null
                : stored().getMetadata().getAnnotations().get(key);
    }
}
