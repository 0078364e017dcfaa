package io.providerkind.provider.kindcluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each KindCluster whose create kind reported Failed may ask kindserver to create it again: at once
 * the first time, then after 1 s, 2 s, 4 s… and never later than the poll interval, so that a failed
 * cluster is not looked at less often than a healthy one. Remembered per KindCluster uid for as long as
 * the provider runs, because a {@link KindClusterExternal} lives for one reconcile only, and the
 * controller's own backoff cannot space the attempts out: the reconcile right after a retry sees the
 * cluster Creating, a success, which resets it. Forgotten once the cluster is Ready or the KindCluster
 * is gone.
 */
public final class FailedCreateRetries {

    private static final Duration FIRST_WAIT = Duration.ofSeconds(1);

    private final Duration firstWait;
    private final Duration longestWait;
    private final Clock clock;
    private final Map<String, Made> made = new ConcurrentHashMap<>();

    /**
     * @param firstWait   the wait after the first retry, doubled after each further one
     * @param longestWait the wait never grows beyond this (the poll interval)
     */
    public FailedCreateRetries(Duration firstWait, Duration longestWait, Clock clock) {
        this.firstWait = firstWait;
        this.longestWait = longestWait;
        this.clock = clock;
    }

    /** Waits of 1 s doubling up to the poll interval, as the reconciler's own backoff after failures. */
    public static FailedCreateRetries upTo(Duration pollInterval, Clock clock) {
        return new FailedCreateRetries(FIRST_WAIT, pollInterval, clock);
    }

    /**
     * Whether the KindCluster with this uid may create its failed cluster again now; if so, the attempt
     * is counted as made. The first create, the one that failed, is attempt 1.
     */
    public Turn take(String uid) {
        Instant now = clock.instant();
        Made last = made.get(uid);
        if (last != null && now.isBefore(last.nextDue())) {
            return new Turn.Later(last.attempt() + 1, Duration.between(now, last.nextDue()));
        }
        int attempt = last == null ? 2 : last.attempt() + 1;
        made.put(uid, new Made(attempt, now.plus(waitAfter(attempt))));
        return new Turn.Now(attempt);
    }

    /** The cluster is Ready, or the KindCluster is gone: a later failure starts again at once. */
    public void forget(String uid) {
        // a KindCluster the API server has not stored yet has no uid, and no attempts to forget
        if (uid != null) {
            made.remove(uid);
        }
    }

    private Duration waitAfter(int attempt) {
        long factor = 1L << Math.min(attempt - 2, 30);
        Duration wait = firstWait.multipliedBy(factor);
        return wait.compareTo(longestWait) > 0 ? longestWait : wait;
    }

    /** The last attempt made for one KindCluster, and when the next one may be made. */
    private record Made(int attempt, Instant nextDue) {}

    /** Whether a failed create may be made again now. */
    public sealed interface Turn {

        /** Create again now: this is the {@code attempt}th create of the cluster. */
        record Now(int attempt) implements Turn {}

        /** Not yet: the {@code attempt}th create is due {@code in} from now. */
        record Later(int attempt, Duration in) implements Turn {}
    }
}
