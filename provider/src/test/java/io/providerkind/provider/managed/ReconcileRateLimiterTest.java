package io.providerkind.provider.managed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The provider's reconcile rate limit as crossplane-runtime's global limiter sets it: a bucket of ten times the rate,
 * refilled at the rate, every reservation taking a token; time passes on a fake clock.
 */
class ReconcileRateLimiterTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final ReconcileRateLimiter limiter = new ReconcileRateLimiter(10, nanos::get);

    @Test
    void aBurstOfTenTimesTheRateStartsAtOnce() {
        for (int i = 0; i < 100; i++) {
            assertEquals(Duration.ZERO, limiter.reserve(), "reservation " + i);
        }
    }

    @Test
    void reconcilesOverTheBurstAreDueOneAfterAnotherAtTheRate() {
        reserve(100);

        assertEquals(List.of(millis(100), millis(200), millis(300), millis(400)), reserve(4));
    }

    @Test
    void aReservationTakesItsTokenSoTheNextOneWaitsBehindIt() {
        reserve(100);
        Duration first = limiter.reserve();

        advance(first);

        assertEquals(millis(100), limiter.reserve(), "the token that came was the first one's");
    }

    @Test
    void tokensComeBackAtTheRate() {
        reserve(100);

        advance(Duration.ofSeconds(2));

        assertEquals(List.of(Duration.ZERO), reserve(1));
        assertEquals(19, countFree(), "20 tokens in 2 s at 10/s, one taken above");
    }

    @Test
    void anIdleBucketHoldsNoMoreThanItsBurst() {
        advance(Duration.ofHours(1));

        assertEquals(100, countFree());
    }

    @Test
    void aWaitIsRoundedUpToWholeMillisecondsSoTheTokenIsDueWhenItComesBack() {
        ReconcileRateLimiter thirdOfASecond = new ReconcileRateLimiter(3, nanos::get);
        for (int i = 0; i < 30; i++) {
            thirdOfASecond.reserve();
        }

        assertEquals(millis(334), thirdOfASecond.reserve(), "333.33 ms up to 334");
    }

    @Test
    void aRateBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ReconcileRateLimiter(0, nanos::get));
    }

    private List<Duration> reserve(int count) {
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            waits.add(limiter.reserve());
        }
        return waits;
    }

    /** Takes free tokens until one is not free; how many were. */
    private int countFree() {
        int free = 0;
        while (limiter.reserve().isZero()) {
            free++;
        }
        return free;
    }

    private void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }

    private static Duration millis(long ms) {
        return Duration.ofMillis(ms);
    }
}
