package io.providerkind.kindserver.testing;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls until a condition holds, as a client of an asynchronous API does; fails with the last value seen. */
public final class Eventually {

    private Eventually() {
    }

    public static <T> T await(String what, Duration timeout, Duration interval, Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        while (true) {
            last = probe.get();
            if (done.test(last)) {
                return last;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what + "; last seen: "
                        + Optional.ofNullable(last).map(Object::toString).orElse("nothing"));
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}
