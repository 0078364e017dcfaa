package io.providerkind.provider.managed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesFromOneSecondToAMinuteAndForgetsOnSuccess() {
        Backoff backoff = Backoff.crossplaneDefaults();

        assertEquals(Duration.ofSeconds(1), backoff.next("a"));
        assertEquals(Duration.ofSeconds(2), backoff.next("a"));
        assertEquals(Duration.ofSeconds(4), backoff.next("a"));
        assertEquals(Duration.ofSeconds(1), backoff.next("b"), "each resource has its own");
        for (int i = 0; i < 10; i++) {
            backoff.next("a");
        }
        assertEquals(Duration.ofSeconds(60), backoff.next("a"));

        backoff.reset("a");
        assertEquals(Duration.ofSeconds(1), backoff.next("a"));
    }
}
