package io.providerkind.install.launch;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** Waiting on something that runs: a check polled until it gives a value, the thing stops, or the time is up. */
final class Poll {

    private Poll() {
    }

    /**
     * @param stopped how the thing ended, once it has
     * @param log     its output, for the failure message
     */
    static <T> T until(String what, Duration timeout, Supplier<Optional<String>> stopped, Supplier<String> log,
                       Supplier<Optional<T>> check) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Optional<String> end = stopped.get();
            if (end.isPresent()) {
                throw new AssertionError(end.get() + " before " + what + ":\n" + log.get());
            }
            Optional<T> value = check.get();
            if (value.isPresent()) {
                return value.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + what + " within " + timeout + ":\n" + log.get());
    }
}
