package io.providerkind.provider.managed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.providerkind.provider.api.DeletionPolicy;
import io.providerkind.provider.api.KindCluster;
import io.providerkind.provider.api.ManagementAction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How soon a resource whose reconcile did not succeed is looked at again: each outcome of the reconciler
 * as the controller schedules it, the time between them passed on a fake clock.
 */
class ManagedReconcilerBackoffTest {

    private static final Duration POLL = Duration.ofSeconds(30);
    /** As the provider's busy poll: a resource being deleted is looked at far more often than the poll. */
    private static final Duration BUSY_POLL = Duration.ofMillis(500);

    private ReconcilerHarness h;
    private ManagedController<KindCluster> controller;
    private String uid;

    @BeforeEach
    void aCreatedResourceBeingDeleted() {
        h = ReconcilerStates.created(DeletionPolicy.Delete, List.of(ManagementAction.All))
                .polling(POLL, (m, poll) -> m.getMetadata().getDeletionTimestamp() != null ? BUSY_POLL : poll);
        controller = new ManagedController<>(
                "managed/test",
                h.reconciler(),
                Backoff.crossplaneDefaults(),
                new ReconcileAdmission(ReconcileRateLimiter.global(100)),
                new OwnWrites(),
                new SimpleMeterRegistry()) {};
        uid = h.stored().getMetadata().getUid();
        h.external.observation = m -> ExternalObservation.upToDate(ConnectionDetails.none());
    }

    @Test
    void aFailingDeleteBacksOffExponentiallyUpToThePollIntervalNotAtTheBusyPoll() {
        ReconcilerStates.markDeleted(h);
        h.external.deleteFailure = new IllegalStateException("kind delete failed: container is in use");

        List<Duration> waits = runFor(Duration.ofMinutes(5));

        assertEquals(
                List.of(seconds(1), seconds(2), seconds(4), seconds(8), seconds(16), POLL, POLL), waits.subList(0, 7));
        assertEquals(Collections.nCopies(waits.size() - 5, POLL), waits.subList(5, waits.size()), "capped at the poll");
        assertEquals(waits.size(), h.external.deletes, "one delete per look; at the busy poll it would be 600");
        assertEquals(
                "delete failed: kind delete failed: container is in use",
                h.condition(Conditions.SYNCED).message());
    }

    @Test
    void aDeleteThatSucceedsAgainForgetsTheFailures() {
        ReconcilerStates.markDeleted(h);
        h.external.deleteFailure = new IllegalStateException("kind delete failed");
        runFor(Duration.ofMinutes(1));

        h.external.deleteFailure = null;
        Duration afterSuccess = next();
        h.external.deleteFailure = new IllegalStateException("kind delete failed");
        Duration afterNextFailure = next();

        assertEquals(BUSY_POLL, afterSuccess, "a delete under way is watched at the busy poll");
        assertEquals(seconds(1), afterNextFailure);
    }

    @Test
    void aFailedDeleteIsRetriedWithBackoffAndSaysDelete() {
        ReconcilerStates.markDeleted(h);
        h.external.deleteFailure = new IllegalStateException("kindserver is unreachable");

        Outcome outcome = h.reconcile();

        Outcome.RetryWithBackoff retry = assertInstanceOf(Outcome.RetryWithBackoff.class, outcome);
        assertTrue(retry.cause().startsWith("delete failed: "), retry.cause());
        assertEquals(POLL, retry.atMost(), "the configured poll, not the busy poll the hook chose");
    }

    @Test
    void waitingForAnotherFinalizerBacksOffLikeAFailureButDeletesNothing() {
        KindCluster current = h.store.read();
        current.getMetadata().getFinalizers().add("other.example.com/keep");
        h.store.update(current);
        ReconcilerStates.markDeleted(h);

        List<Duration> waits = runFor(Duration.ofMinutes(2));

        assertEquals(List.of(seconds(1), seconds(2), seconds(4), seconds(8), seconds(16), POLL), waits.subList(0, 6));
        assertEquals(0, h.external.deletes);
    }

    /** Reconciles whenever the controller would, until the fake clock has moved on by {@code period}. */
    private List<Duration> runFor(Duration period) {
        Instant end = h.clock.instant().plus(period);
        List<Duration> waits = new ArrayList<>();
        while (h.clock.instant().isBefore(end)) {
            waits.add(next());
        }
        return waits;
    }

    /** One reconcile, then the fake clock moved on to the next one the controller schedules. */
    private Duration next() {
        Duration wait = Duration.ofMillis(
                controller.control(uid, h.reconcile()).getScheduleDelay().orElseThrow());
        h.clock.advance(wait);
        return wait;
    }

    private static Duration seconds(long seconds) {
        return Duration.ofSeconds(seconds);
    }
}
