package io.providerkind.provider.managed;

import java.time.Duration;

/** What the managed reconciler asks of the controller after one reconcile. */
public sealed interface Outcome {

    /** All went well: look again after the poll interval. Clears any error backoff. */
    record PollAfter(Duration after) implements Outcome {}

    /**
     * Something failed: look again after this resource's exponential backoff, but never later than
     * {@code atMost}, so that a failing resource is not looked at less often than a healthy one.
     *
     * @param atMost the longest wait; null leaves only the backoff's own ceiling
     */
    record RetryWithBackoff(String cause, Duration atMost) implements Outcome {

        /** A failure whose reconciler set no ceiling (one that escaped it). */
        public RetryWithBackoff(String cause) {
            this(cause, null);
        }
    }

    /**
     * Nothing failed, but something outside this reconcile must happen first (another controller's
     * finalizer to go): look again after this resource's exponential backoff, as controller-runtime
     * does for {@code Requeue: true}, never later than {@code atMost}.
     */
    record WaitWithBackoff(String reason, Duration atMost) implements Outcome {}

    /** Nothing failed but the picture is not settled (a stale read, a creation not yet visible): look again soon. */
    record RequeueSoon(Duration after) implements Outcome {}

    /** Nothing to do until the resource changes: paused, finalised, or waiting for a person. */
    record Done() implements Outcome {}
}
