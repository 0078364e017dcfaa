package io.providerkind.kindserver.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.providerkind.kindserver.api.AuthenticationThrottle.Checked;
import io.providerkind.kindserver.api.AuthenticationThrottle.Credential;
import io.providerkind.kindserver.api.AuthenticationThrottle.Policy;
import io.providerkind.kindserver.api.AuthenticationThrottle.Throttled;
import io.providerkind.kindserver.api.AuthenticationThrottle.Verdict;
import io.providerkind.kindserver.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AuthenticationThrottleTest {

    private static final Policy POLICY =
            new Policy(5, Duration.ofSeconds(1), Duration.ofMinutes(5), 100, Duration.ofMinutes(15));

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicInteger checks = new AtomicInteger();
    private final AtomicInteger guesses = new AtomicInteger();

    private AuthenticationThrottle throttle(Policy policy) {
        return new AuthenticationThrottle(clock, registry, policy);
    }

    /** Each wrong password a new guess, as an attacker's are. */
    private Verdict attempt(AuthenticationThrottle throttle, String address, Credential credential) {
        return attempt(throttle, address, credential, "guess-" + guesses.incrementAndGet());
    }

    private Verdict attempt(AuthenticationThrottle throttle, String address, Credential credential, String sent) {
        return throttle.attempt(address, sent, () -> {
            checks.incrementAndGet();
            return credential;
        });
    }

    private void fail(AuthenticationThrottle throttle, String address, int times) {
        for (int i = 0; i < times; i++) {
            assertEquals(new Checked(Credential.WRONG), attempt(throttle, address, Credential.WRONG), "failure " + i);
        }
    }

    @Test
    void theBudgetOfWrongPasswordsIsAnsweredThenTheAddressIsBlockedWithoutCheckingItsPassword() {
        AuthenticationThrottle throttle = throttle(POLICY);
        fail(throttle, "10.0.0.1", 5);
        int checked = checks.get();

        Verdict right = attempt(throttle, "10.0.0.1", Credential.RIGHT);
        Verdict absent = attempt(throttle, "10.0.0.1", Credential.ABSENT);

        assertEquals(new Throttled(Duration.ofSeconds(1)), right, "even the right password waits out the block");
        assertEquals(new Throttled(Duration.ofSeconds(1)), absent);
        assertEquals(checked, checks.get(), "a blocked address's password is never looked at");
        assertEquals(
                5.0, registry.counter(AuthenticationThrottle.FAILURES_METRIC).count());
        assertEquals(
                2.0, registry.counter(AuthenticationThrottle.THROTTLED_METRIC).count());
    }

    @Test
    void eachWrongPasswordAfterABlockDoublesTheNextUpToTheCap() {
        AuthenticationThrottle throttle = throttle(POLICY);
        fail(throttle, "10.0.0.1", 5);
        Duration expected = Duration.ofSeconds(1);
        for (int round = 0; round < 12; round++) {
            Throttled blocked = assertInstanceOf(Throttled.class, attempt(throttle, "10.0.0.1", Credential.WRONG));
            assertEquals(expected, blocked.retryAfter(), "round " + round);
            clock.advance(Duration.ofMillis(expected.toMillis() - 1));
            assertInstanceOf(Throttled.class, attempt(throttle, "10.0.0.1", Credential.WRONG), "still blocked");
            clock.advance(Duration.ofMillis(1));
            fail(throttle, "10.0.0.1", 1);
            expected = expected.multipliedBy(2).compareTo(Duration.ofMinutes(5)) > 0
                    ? Duration.ofMinutes(5)
                    : expected.multipliedBy(2);
        }
        assertEquals(Duration.ofMinutes(5), expected, "the cap was reached");
    }

    @Test
    void theRightPasswordAfterTheBlockEndsIsAcceptedAndStartsTheAddressAfresh() {
        AuthenticationThrottle throttle = throttle(POLICY);
        fail(throttle, "10.0.0.1", 5);
        clock.advance(Duration.ofSeconds(1));

        assertEquals(new Checked(Credential.RIGHT), attempt(throttle, "10.0.0.1", Credential.RIGHT));
        fail(throttle, "10.0.0.1", 4);
        assertEquals(new Checked(Credential.RIGHT), attempt(throttle, "10.0.0.1", Credential.RIGHT));
        fail(throttle, "10.0.0.1", 5);
        assertEquals(
                new Throttled(Duration.ofSeconds(1)),
                attempt(throttle, "10.0.0.1", Credential.RIGHT),
                "a fresh budget, and the first block again, not a doubled one");
    }

    @Test
    void anotherAddressIsNeverAffectedButAnIpv6ClientIsItsWhole64() {
        AuthenticationThrottle throttle = throttle(POLICY);
        fail(throttle, "10.0.0.1", 5);
        fail(throttle, "2001:db8:1:2::1", 5);

        assertEquals(new Checked(Credential.RIGHT), attempt(throttle, "10.0.0.2", Credential.RIGHT));
        assertEquals(new Checked(Credential.WRONG), attempt(throttle, "2001:db8:1:3::1", Credential.WRONG));
        assertInstanceOf(
                Throttled.class,
                attempt(throttle, "[2001:db8:1:2:ffff::9]", Credential.RIGHT),
                "the same /64, as Jetty may write it");
    }

    @Test
    void aStaleCredentialRetriedIsOneGuessSoItNeverBlocksItsAddress() {
        AuthenticationThrottle throttle = throttle(POLICY);
        for (int i = 0; i < 50; i++) {
            assertEquals(
                    new Checked(Credential.WRONG),
                    attempt(throttle, "10.0.0.1", Credential.WRONG, "Bearer the-password-before-rotation"),
                    "retry " + i);
        }
        fail(throttle, "10.0.0.1", 3);

        assertEquals(
                new Checked(Credential.RIGHT),
                attempt(throttle, "10.0.0.1", Credential.RIGHT),
                "50 retries of one stale password and 3 guesses are 4 different wrong passwords, under the budget");
        assertEquals(
                53.0, registry.counter(AuthenticationThrottle.FAILURES_METRIC).count(), "yet each is counted");
        fail(throttle, "10.0.0.1", 4);
        assertEquals(
                new Checked(Credential.WRONG),
                attempt(throttle, "10.0.0.1", Credential.WRONG, "Bearer the-password-before-rotation"),
                "after the right password the stale one is a new guess again: the fifth");
        assertInstanceOf(Throttled.class, attempt(throttle, "10.0.0.1", Credential.RIGHT));
    }

    @Test
    void guessesSentAgainAfterManyOthersCountAgain() {
        AuthenticationThrottle throttle =
                throttle(new Policy(100, Duration.ofSeconds(1), Duration.ofMinutes(5), 100, Duration.ofMinutes(15)));
        for (int round = 0; round < 3; round++) {
            for (int guess = 0; guess <= AuthenticationThrottle.REMEMBERED_GUESSES; guess++) {
                attempt(throttle, "10.0.0.1", Credential.WRONG, "cycled-" + guess);
            }
        }
        fail(throttle, "10.0.0.1", 100 - 3 * (AuthenticationThrottle.REMEMBERED_GUESSES + 1) - 1);
        assertEquals(new Checked(Credential.WRONG), attempt(throttle, "10.0.0.1", Credential.WRONG));

        assertInstanceOf(
                Throttled.class,
                attempt(throttle, "10.0.0.1", Credential.RIGHT),
                "cycling through more passwords than are remembered makes every one a new guess");
    }

    @Test
    void anAbsentPasswordIsNoGuessAndIsNotCounted() {
        AuthenticationThrottle throttle = throttle(POLICY);
        for (int i = 0; i < 20; i++) {
            assertEquals(new Checked(Credential.ABSENT), attempt(throttle, "10.0.0.1", Credential.ABSENT));
        }
        fail(throttle, "10.0.0.1", 5);
        assertEquals(
                0.0, registry.counter(AuthenticationThrottle.THROTTLED_METRIC).count());
    }

    @Test
    void memoryStaysBoundedWhateverTheNumberOfAttackingAddresses() {
        AuthenticationThrottle throttle =
                throttle(new Policy(5, Duration.ofSeconds(1), Duration.ofMinutes(5), 3, Duration.ofMinutes(15)));
        for (int i = 0; i < 1000; i++) {
            fail(throttle, "10.0." + (i / 250) + "." + (i % 250), 5);
        }

        assertTrue(throttle.trackedAddresses() <= 3, "tracked " + throttle.trackedAddresses());
    }

    @Test
    void anIdleAddressIsForgotten() {
        AuthenticationThrottle throttle = throttle(POLICY);
        fail(throttle, "10.0.0.1", 4);
        assertEquals(1, throttle.trackedAddresses());

        clock.advance(Duration.ofMinutes(15));

        assertEquals(0, throttle.trackedAddresses());
        fail(throttle, "10.0.0.1", 1);
        assertEquals(
                new Checked(Credential.RIGHT),
                attempt(throttle, "10.0.0.1", Credential.RIGHT),
                "the four old failures no longer count towards the budget");
    }

    @Test
    void aSlowPasswordCheckDoesNotHoldUpTheRightPasswordOfAnotherRequestFromTheSameAddress() throws Exception {
        AuthenticationThrottle throttle = throttle(POLICY);
        CountDownLatch checking = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Verdict> slow = threads.submit(() -> throttle.attempt("10.0.0.1", "Bearer slow", () -> {
                checking.countDown();
                await(release);
                return Credential.WRONG;
            }));
            assertTrue(checking.await(10, TimeUnit.SECONDS));

            Future<Verdict> right = threads.submit(() -> attempt(throttle, "10.0.0.1", Credential.RIGHT));

            assertEquals(
                    new Checked(Credential.RIGHT),
                    right.get(10, TimeUnit.SECONDS),
                    "answered while the other request's check is still running");
            release.countDown();
            assertEquals(new Checked(Credential.WRONG), slow.get(10, TimeUnit.SECONDS));
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void aRightPasswordWhoseCheckOverlappedTheGuessesThatBlockedItsAddressIsRefused() throws Exception {
        AuthenticationThrottle throttle = throttle(POLICY);
        CountDownLatch checking = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Verdict> right = threads.submit(() -> throttle.attempt("10.0.0.1", "Bearer right", () -> {
                checking.countDown();
                await(release);
                return Credential.RIGHT;
            }));
            assertTrue(checking.await(10, TimeUnit.SECONDS));
            threads.submit(() -> fail(throttle, "10.0.0.1", 5)).get(10, TimeUnit.SECONDS);

            release.countDown();

            assertEquals(
                    new Throttled(Duration.ofSeconds(1)),
                    right.get(10, TimeUnit.SECONDS),
                    "a burst of guesses must not learn the password from the one checked beside the budget");
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUpAndNeverZero() {
        assertEquals(1, new Throttled(Duration.ofMillis(1)).seconds());
        assertEquals(1, new Throttled(Duration.ofSeconds(1)).seconds());
        assertEquals(2, new Throttled(Duration.ofMillis(1001)).seconds());
        assertEquals(300, new Throttled(Duration.ofMinutes(5)).seconds());
    }
}
