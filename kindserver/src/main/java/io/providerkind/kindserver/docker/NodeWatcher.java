package io.providerkind.kindserver.docker;

import io.micrometer.core.instrument.util.NamedThreadFactory;
import java.io.Closeable;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an in-memory {@link DockerSnapshot} of kind's nodes fresh, so that kindserver's reads never call
 * Docker: Docker's container events (filtered on kind's label) trigger a new listing within a fraction of
 * a second, and a periodic listing catches whatever an event stream can miss (a broken stream, a
 * restarted engine). When Docker answers a listing again after it did not, the event stream is opened anew
 * unless it opened during the outage: one requested from an engine that hung may never answer.
 */
public final class NodeWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NodeWatcher.class);
    private static final Duration EVENT_DEBOUNCE = Duration.ofMillis(150);
    private static final Duration EVENTS_RECONNECT = Duration.ofSeconds(2);

    private final NodeInspector inspector;
    private final Duration resyncInterval;
    private final Duration answerTimeout;
    private final Consumer<DockerSnapshot> listener;
    private final ScheduledExecutorService scheduler;
    private final AtomicBoolean refreshPending = new AtomicBoolean();
    private final AtomicLong streams = new AtomicLong();
    private final Map<String, String> versionByContainer = new HashMap<>();
    private final Object refreshLock = new Object();
    private volatile DockerSnapshot current = DockerSnapshot.empty();
    private volatile long lastGoodNanos = System.nanoTime();
    private volatile boolean streamOpenedSinceOutage;
    private volatile boolean closed;
    private volatile Closeable events;

    /**
     * @param answerTimeout how long the inspector's calls wait for Docker ({@code --docker-timeout}), named in the
     *                      failure of a listing Docker did not answer
     * @param listener      told of every new snapshot, on the thread that made it, outside any lock
     */
    public NodeWatcher(
            NodeInspector inspector,
            Duration resyncInterval,
            Duration answerTimeout,
            Consumer<DockerSnapshot> listener) {
        this.inspector = inspector;
        this.resyncInterval = resyncInterval;
        this.answerTimeout = answerTimeout;
        this.listener = listener;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("kind-node-watcher"));
    }

    /** The latest snapshot; never calls Docker. */
    public DockerSnapshot current() {
        return current;
    }

    /** True when Docker answered a listing within {@code maxAge}. */
    public boolean healthy(Duration maxAge) {
        return current.reachable() && System.nanoTime() - lastGoodNanos <= maxAge.toNanos();
    }

    /**
     * How long Docker has not answered: zero while the latest listing succeeded, else the time since the last
     * listing it answered (or since this watcher was made, when it never answered).
     */
    public Duration silence() {
        return current.reachable() ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - lastGoodNanos);
    }

    /** Starts following events and the periodic listing. */
    public void start() {
        scheduler.scheduleWithFixedDelay(
                this::refreshQuietly, resyncInterval.toMillis(), resyncInterval.toMillis(), TimeUnit.MILLISECONDS);
        scheduler.execute(this::followEvents);
    }

    /** Lists the nodes now (serialised with every other listing) and publishes the result. */
    public DockerSnapshot refreshNow() {
        DockerSnapshot snapshot;
        boolean answersAgain;
        synchronized (refreshLock) {
            refreshPending.set(false);
            DockerSnapshot previous = current;
            snapshot = list(previous.generation() + 1);
            if (previous.reachable() && !snapshot.reachable()) {
                streamOpenedSinceOutage = false;
            }
            // generation 0 is before the first listing: start() opens the first stream
            answersAgain = previous.generation() > 0 && !previous.reachable() && snapshot.reachable();
            current = snapshot;
        }
        if (answersAgain && !streamOpenedSinceOutage) {
            restartEvents();
        }
        try {
            listener.accept(snapshot);
        } catch (RuntimeException e) {
            LOG.warn("a snapshot listener failed", e);
        }
        return snapshot;
    }

    /** A listing, or the last one marked unreachable when a call of it (the versions' too) found no answer. */
    private DockerSnapshot list(long generation) {
        try {
            return listAnswered(generation);
        } catch (RuntimeException e) {
            String why = describe(e);
            if (current.reachable()) {
                LOG.warn("Docker does not answer ({}); keeping the last known clusters", why);
            }
            return current.unreachable(generation, why);
        }
    }

    private DockerSnapshot listAnswered(long generation) {
        List<NodeContainer> nodes = inspector.listNodes();
        Map<String, List<NodeContainer>> byCluster = nodes.stream()
                .filter(n -> n.cluster() != null)
                .collect(Collectors.groupingBy(
                        NodeContainer::cluster,
                        Collectors.collectingAndThen(
                                Collectors.toList(),
                                list -> list.stream()
                                        .sorted(DockerSnapshot.CONTROL_PLANE_FIRST)
                                        .toList())));
        Map<String, String> versions = new HashMap<>();
        List<String> live = new ArrayList<>();
        byCluster.forEach((cluster, clusterNodes) -> clusterNodes.stream()
                .filter(NodeContainer::controlPlane)
                .findFirst()
                .flatMap(this::version)
                .ifPresent(v -> versions.put(cluster, v)));
        nodes.forEach(n -> live.add(n.id()));
        versionByContainer.keySet().retainAll(live);
        lastGoodNanos = System.nanoTime();
        return new DockerSnapshot(generation, true, byCluster, versions);
    }

    /** A node's version is read once per container: it cannot change without a new container. */
    private Optional<String> version(NodeContainer node) {
        String known = versionByContainer.get(node.id());
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> version = inspector.kubernetesVersion(node);
        version.ifPresent(v -> versionByContainer.put(node.id(), v));
        return version;
    }

    private void refreshQuietly() {
        if (closed) {
            return;
        }
        try {
            refreshNow();
        } catch (RuntimeException e) {
            LOG.warn("listing kind nodes failed", e);
        }
    }

    private void onEvent() {
        if (!closed && refreshPending.compareAndSet(false, true)) {
            try {
                scheduler.schedule(this::refreshQuietly, EVENT_DEBOUNCE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // closing
            }
        }
    }

    private void followEvents() {
        if (closed) {
            return;
        }
        long stream = streams.incrementAndGet();
        closeEvents();
        try {
            events = inspector.followEvents(
                    () -> onOpened(stream), this::onEvent, error -> onEventsEnded(stream, error));
        } catch (RuntimeException e) {
            onEventsEnded(stream, e);
        }
    }

    private void onOpened(long stream) {
        if (stream == streams.get()) {
            streamOpenedSinceOutage = true;
            // a change between the last listing and this moment sent no event this stream carries
            onEvent();
        }
    }

    /** Replaces the event stream (on the scheduler's thread, as every follow); the old one's end is no news. */
    private void restartEvents() {
        streams.incrementAndGet();
        try {
            scheduler.execute(this::followEvents);
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    private void onEventsEnded(long stream, Throwable error) {
        if (closed || stream != streams.get()) {
            return;
        }
        LOG.debug("Docker event stream ended ({}); following again in {}", error, EVENTS_RECONNECT);
        try {
            scheduler.schedule(this::followEvents, EVENTS_RECONNECT.toMillis(), TimeUnit.MILLISECONDS);
            scheduler.execute(this::refreshQuietly);
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    /**
     * A stream that Docker never answered cannot be closed from here (docker-java hands it over only once
     * Docker answers); closing the events client at shutdown ends it.
     */
    private void closeEvents() {
        Closeable stream = events;
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException | RuntimeException e) {
                LOG.debug("closing the Docker event stream failed", e);
            }
        }
    }

    /** What an operator reads in the log and a client in a 503: the cause, not docker-java's wrapping. */
    private String describe(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof SocketTimeoutException) {
            return "no answer within " + answerTimeout.toSeconds() + " s";
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }

    @Override
    public void close() {
        closed = true;
        closeEvents();
        scheduler.shutdownNow();
    }
}
