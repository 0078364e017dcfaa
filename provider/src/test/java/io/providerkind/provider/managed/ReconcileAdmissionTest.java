package io.providerkind.provider.managed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Which reconciles run now and which come back later, under one rate limit of 1 reconcile per second (a burst of 10)
 * shared by two controllers, as crossplane-runtime's rate-limited reconciler decides; time passes on a fake clock.
 */
class ReconcileAdmissionTest {

    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
    private final ReconcileRateLimiter limiter = new ReconcileRateLimiter(1, nanos::get);
    private final ReconcileAdmission legacy = new ReconcileAdmission(limiter);
    private final ReconcileAdmission namespaced = new ReconcileAdmission(limiter);

    @Test
    void theBurstIsSharedByEveryController() {
        for (int i = 0; i < 10; i++) {
            assertEquals(Duration.ZERO, legacy.admit("legacy-" + i));
        }

        assertEquals(seconds(1), namespaced.admit("namespaced-0"), "the other controller's reconciles used the burst");
    }

    @Test
    void aRequeuedReconcileRunsWhenItComesBackWithoutTakingAnotherToken() {
        useBurst();
        Duration wait = legacy.admit("a");

        advance(wait);

        assertEquals(Duration.ZERO, legacy.admit("a"), "its token is due: it runs");
        assertEquals(seconds(1), legacy.admit("b"), "b's token is the next one, not one behind a second token of a");
    }

    @Test
    void aReconcileThatComesBackEarlyWaitsForTheRestWithoutTakingAnotherToken() {
        useBurst();
        legacy.admit("a");
        legacy.admit("b");

        advance(Duration.ofMillis(1500));

        assertEquals(Duration.ofMillis(500), legacy.admit("b"), "an event brought b back half-way");
        assertEquals(Duration.ZERO, legacy.admit("a"));
        assertEquals(Duration.ofMillis(1500), legacy.admit("c"), "behind a and b only");
    }

    @Test
    void theSameResourceUnderAnotherControllerIsAnotherReconcile() {
        useBurst();
        Duration legacyWait = legacy.admit("uid");

        assertEquals(seconds(2), namespaced.admit("uid"), "it takes the next token, after the legacy one's");
        assertEquals(seconds(1), legacyWait);
    }

    @Test
    void aForgottenResourceComingBackIsANewReconcile() {
        useBurst();
        legacy.admit("a");
        legacy.forget("a");

        advance(seconds(1));

        assertEquals(seconds(1), legacy.admit("a"), "its old token is not its own any more; it takes the next");
    }

    @Test
    void aWaitEndingWithinAMillisecondCountsAsDueAsJavaOperatorSdksTimerMayFireThatEarly() {
        useBurst();
        Duration wait = legacy.admit("a");

        advance(wait.minus(Duration.ofNanos(999_000)));

        assertEquals(Duration.ZERO, legacy.admit("a"));
    }

    private void useBurst() {
        for (int i = 0; i < 10; i++) {
            limiter.reserve();
        }
    }

    private void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }

    private static Duration seconds(long s) {
        return Duration.ofSeconds(s);
    }
}
