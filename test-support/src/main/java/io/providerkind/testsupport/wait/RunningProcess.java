package io.providerkind.testsupport.wait;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Something a test started and waits on (a JVM, a container): a wait on it fails at once when it ends before
 * it answered, and every failure shows what it logged.
 *
 * @param ended how it ended (e.g. "the process exited (1)"), once it has
 * @param log   everything it logged so far
 */
public record RunningProcess(Supplier<Optional<String>> ended, Supplier<String> log) {

    /** Often enough for a test, rarely enough that asking does not slow a program that is starting. */
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    /** Polls {@code answer} until it gives a value; fails when the process ends first or the time is up. */
    public <T> T await(String what, Duration timeout, Supplier<Optional<T>> answer) {
        try {
            return Waits.await(what)
                    .atMost(timeout)
                    .pollInterval(POLL_INTERVAL)
                    .failFast(() -> ended.get().ifPresent(end -> {
                        throw new AssertionError(end + " before " + what + ":\n" + log.get());
                    }))
                    .until(answer::get, Optional::isPresent)
                    .orElseThrow();
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no " + what + " within " + timeout + ":\n" + log.get(), e);
        }
    }
}
