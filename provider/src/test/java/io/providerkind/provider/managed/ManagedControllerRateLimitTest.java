package io.providerkind.provider.managed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.providerkind.provider.api.DeletionPolicy;
import io.providerkind.provider.api.KindCluster;
import io.providerkind.provider.api.ManagementAction;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A reconcile over the provider's rate limit, as the controller answers java-operator-sdk: not run, but rescheduled
 * for when its token is due, so that no worker thread waits for it; time passes on a fake clock.
 */
class ManagedControllerRateLimitTest {

    private final AtomicLong nanos = new AtomicLong();
    private final ReconcileRateLimiter limiter = new ReconcileRateLimiter(1, nanos::get);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private ReconcilerHarness h;
    private ManagedController<KindCluster> controller;

    @BeforeEach
    void aCreatedResourceAndABurstAnotherControllerUsedUp() {
        h = ReconcilerStates.created(DeletionPolicy.Delete, List.of(ManagementAction.All));
        h.external.observes = 0;
        controller = new ManagedController<>(
                "managed/test",
                h.reconciler(),
                Backoff.crossplaneDefaults(),
                new ReconcileAdmission(limiter),
                new OwnWrites(),
                registry) {};
        ReconcileAdmission otherController = new ReconcileAdmission(limiter);
        for (int i = 0; i < 10; i++) {
            otherController.admit("other-" + i);
        }
    }

    @Test
    void aReconcileOverTheLimitIsRescheduledForItsTokenWithoutRunning() {
        UpdateControl<KindCluster> control = controller.reconcileWithinLimit(h.stored());

        assertEquals(Optional.of(1000L), control.getScheduleDelay());
        assertEquals(0, h.external.observes, "nothing looked at kindserver");
        assertEquals(1.0, requeueAfter(), "counted as controller-runtime counts crossplane's rate-limited requeue");
        assertEquals(0, reconcileTimeCount(), "the reconcile time is of reconciles that ran");
    }

    @Test
    void theRescheduledReconcileRunsWhenItsTokenIsDue() {
        controller.reconcileWithinLimit(h.stored());
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());

        UpdateControl<KindCluster> control = controller.reconcileWithinLimit(h.stored());

        assertEquals(1, h.external.observes);
        assertEquals(Optional.of(ReconcilerHarness.POLL.toMillis()), control.getScheduleDelay(), "the next poll");
    }

    private double requeueAfter() {
        return registry.get("controller_runtime_reconcile")
                .tag("result", "requeue_after")
                .counter()
                .count();
    }

    private long reconcileTimeCount() {
        return registry.get("controller_runtime_reconcile_time").timer().count();
    }
}
