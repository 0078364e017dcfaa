package io.providerkind.testsupport.wait;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * Where every wait in this project's tests starts: {@link Awaitility#await(String)} named after what is awaited
 * (so a timeout says what it waited for, and the last value seen), with the two defaults these tests need.
 * Awaitility can only change its defaults through static setters, global state this project does not keep.
 * Go on with {@code .atMost(...)}, {@code .pollInterval(...)} and {@code .until(...)}.
 */
public final class Waits {

    private Waits() {}

    public static ConditionFactory await(String what) {
        return Awaitility.await(what)
                // the code under test runs threads of its own (informers, servers); an exception one of them
                // does not catch is for the code's own tests to find, not a reason for this wait to fail
                .dontCatchUncaughtExceptions()
                // look at once, as a client of an asynchronous API does, then at every poll interval
                .pollDelay(Duration.ZERO);
    }

    /**
     * Shows that something does not happen: {@code condition} holds at every look, from now until {@code period}
     * is over, and the wait fails at the first look where it does not. Awaitility's {@code during} alone would also
     * pass a condition that first fails and then holds for the period.
     */
    public static void holdsFor(String what, Duration period, Duration pollInterval, Callable<Boolean> condition) {
        await(what)
                .during(period)
                .atMost(period.plus(pollInterval).plusSeconds(1))
                .pollInterval(pollInterval)
                .failFast(what + " stopped holding", () -> !condition.call())
                .until(condition);
    }
}
