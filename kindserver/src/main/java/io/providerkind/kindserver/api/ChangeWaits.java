package io.providerkind.kindserver.api;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.util.NamedThreadFactory;
import io.providerkind.kindserver.clusters.ClusterChanges;
import io.providerkind.kindserver.clusters.ClusterService;
import io.providerkind.sdk.ClusterInfo;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GETs held until a cluster's answer changes ({@code ?waitForChange}, kindserver-sdk's {@code WaitForChange}).
 * A held GET is a future, no thread: kindserver tells of each change where it happens ({@link ClusterChanges}), and
 * one thread of this class's own then reads the changed clusters once and completes the futures whose ETag is no
 * longer the answer's, and ends waits whose timeout passed. At most {@link #MAX_WAITING} wait at once (kindserver's bound); a wait beyond
 * is refused, and {@link #close()} ends every wait (kindserver is stopping).
 */
final class ChangeWaits implements ClusterChanges, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeWaits.class);

    /** Many times the KindClusters one provider watches at once; each holds a connection, no thread. */
    static final int MAX_WAITING = 512;

    /** How a wait ended; the route turns each into its answer. */
    sealed interface Outcome {
        record Changed(ClusterAnswers.Answer answer) implements Outcome {}

        record Gone() implements Outcome {}

        record TimedOut() implements Outcome {}

        record Stopping() implements Outcome {}
    }

    private final ClusterService clusters;
    private final ClusterAnswers answers;
    private final MeterRegistry meters;
    private final int maxWaiting;
    private final ScheduledExecutorService thread;
    private final Map<String, Set<CompletableFuture<Outcome>>> waiting = new ConcurrentHashMap<>();
    private final Map<CompletableFuture<Outcome>, String> etags = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();
    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean snapshotChanged = new AtomicBoolean();
    private final AtomicBoolean checkScheduled = new AtomicBoolean();
    private volatile boolean closed;

    /** @param maxWaiting how many GETs may wait at once ({@link #MAX_WAITING}) */
    ChangeWaits(ClusterService clusters, ClusterAnswers answers, MeterRegistry meters, int maxWaiting) {
        this.clusters = clusters;
        this.answers = answers;
        this.meters = meters;
        this.maxWaiting = maxWaiting;
        this.thread = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("kindserver-change-waits"));
        Gauge.builder("kindserver.cluster.waits", count, AtomicInteger::get)
                .description("GETs waiting for a cluster's answer to change (?waitForChange)")
                .register(meters);
    }

    /**
     * Holds a GET of cluster {@code name} until its answer is no longer the one with {@code etag}; empty when no
     * more may wait (or kindserver is stopping), for the caller to refuse.
     */
    Optional<CompletableFuture<Outcome>> hold(String name, String etag, Duration timeout) {
        if (closed || count.incrementAndGet() > maxWaiting) {
            count.decrementAndGet();
            ended("refused");
            return Optional.empty();
        }
        CompletableFuture<Outcome> wait = new CompletableFuture<>();
        etags.put(wait, etag);
        // adding and removing under the map's lock of the name: an emptied set is never added to after it is dropped
        waiting.compute(name, (key, waits) -> {
            Set<CompletableFuture<Outcome>> into = waits == null ? ConcurrentHashMap.newKeySet() : waits;
            into.add(wait);
            return into;
        });
        try {
            thread.schedule(() -> end(name, wait, new Outcome.TimedOut()), timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            end(name, wait, new Outcome.Stopping());
        }
        // a change between the caller's read and this wait's registration told no one: look once more
        changed(name);
        return Optional.of(wait);
    }

    @Override
    public void changed(String name) {
        changed.add(name);
        scheduleCheck();
    }

    @Override
    public void snapshotChanged() {
        snapshotChanged.set(true);
        scheduleCheck();
    }

    /** Ends every wait: kindserver is stopping, and its HTTP server waits for the requests in flight. */
    @Override
    public void close() {
        closed = true;
        thread.shutdownNow();
        waiting.forEach((name, waits) -> Set.copyOf(waits).forEach(wait -> end(name, wait, new Outcome.Stopping())));
    }

    private void scheduleCheck() {
        if (!closed && checkScheduled.compareAndSet(false, true)) {
            try {
                thread.execute(this::check);
            } catch (RejectedExecutionException stopping) {
                checkScheduled.set(false);
            }
        }
    }

    private void check() {
        checkScheduled.set(false);
        Set<String> names = new HashSet<>();
        if (snapshotChanged.getAndSet(false)) {
            names.addAll(waiting.keySet());
            names.addAll(answers.names());
        }
        for (String name : Set.copyOf(changed)) {
            changed.remove(name);
            names.add(name);
        }
        names.forEach(this::check);
    }

    private void check(String name) {
        Optional<ClusterInfo> cluster;
        try {
            cluster = clusters.get(name);
        } catch (RuntimeException unavailable) {
            // Docker not known yet, or kindserver stopping: the waits go on until the next change or their timeout
            LOG.debug("cannot read cluster {} for its waits: {}", name, unavailable.getMessage());
            return;
        }
        if (cluster.isEmpty()) {
            answers.forget(name);
            Set.copyOf(waiting.getOrDefault(name, Set.of())).forEach(wait -> end(name, wait, new Outcome.Gone()));
            return;
        }
        Set<CompletableFuture<Outcome>> waits = waiting.get(name);
        if (waits == null || waits.isEmpty()) {
            return;
        }
        ClusterAnswers.Answer answer = answers.answer(cluster.get());
        for (CompletableFuture<Outcome> wait : Set.copyOf(waits)) {
            if (!answer.etag().equals(etags.get(wait))) {
                end(name, wait, new Outcome.Changed(answer));
            }
        }
    }

    private void end(String name, CompletableFuture<Outcome> wait, Outcome outcome) {
        AtomicBoolean removed = new AtomicBoolean();
        waiting.computeIfPresent(name, (key, waits) -> {
            removed.set(waits.remove(wait));
            return waits.isEmpty() ? null : waits;
        });
        if (!removed.get()) {
            return; // ended already
        }
        etags.remove(wait);
        count.decrementAndGet();
        ended(outcome.getClass().getSimpleName().toLowerCase());
        wait.complete(outcome);
    }

    private void ended(String outcome) {
        meters.counter("kindserver.cluster.waits.ended", "outcome", outcome).increment();
    }
}
