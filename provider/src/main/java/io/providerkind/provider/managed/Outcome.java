package io.providerkind.provider.managed;

import java.time.Duration;

/** What the managed reconciler asks of the controller after one reconcile. */
public sealed interface Outcome {

    /** All went well: look again after the poll interval. Clears any error backoff. */
    record PollAfter(Duration after) implements Outcome {}

    /** Something failed: look again after this resource's exponential backoff. */
    record RetryWithBackoff(String cause) implements Outcome {}

    /** Nothing failed but the picture is not settled (a stale read, a creation not yet visible): look again soon. */
    record RequeueSoon(Duration after) implements Outcome {}

    /** Nothing to do until the resource changes: paused, finalised, or waiting for a person. */
    record Done() implements Outcome {}
}
