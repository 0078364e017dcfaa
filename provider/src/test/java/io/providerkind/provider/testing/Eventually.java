package io.providerkind.provider.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Waits for something that happens asynchronously, failing with what was last seen. */
public final class Eventually {

    private Eventually() {
    }

    public static void await(Duration timeout, String what, BooleanSupplier condition) {
        await(timeout, what, condition, () -> "");
    }

    public static void await(Duration timeout, String what, BooleanSupplier condition, Supplier<String> lastSeen) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                // not there yet (e.g. a resource not created yet): keep waiting
            }
            sleep(50);
        }
        fail("timed out after " + timeout + " waiting until " + what + "; last seen: " + lastSeen.get());
    }

    /** Holds for the whole period: used to show that something does not happen. */
    public static void holdsFor(Duration period, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + period.toNanos();
        while (System.nanoTime() < deadline) {
            if (!condition.getAsBoolean()) {
                fail("expected " + what + " to hold for " + period + " but it did not");
            }
            sleep(50);
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
