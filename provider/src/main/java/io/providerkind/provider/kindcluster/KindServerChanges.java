package io.providerkind.provider.kindcluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.OperatorException;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import io.providerkind.sdk.ClusterChange;
import io.providerkind.sdk.KindServerClient;
import io.providerkind.sdk.WaitForChange;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles a KindCluster as soon as kindserver's answer for its cluster changes while kind creates or deletes it,
 * instead of at the next busy poll: one long-poll per KindCluster at most (kindserver-sdk's
 * {@link KindServerClient#awaitChange}, which holds no thread), and a java-operator-sdk event for the resource when it
 * ends with a change, which JOSDK runs through the controller as any other event (the rate limit included).
 *
 * <p>A wait that fails, or comes back at once with the very answer it waited on (a kindserver or proxy that ignores
 * {@code waitForChange}), or with "unchanged" before half its timeout, ends without an event and without a new
 * wait: the busy poll, which is the fallback, looks again and the next reconcile may start one. So a kindserver that
 * cannot wait costs at most one extra GET per busy poll, never a loop. Waits end when the resource is no longer busy
 * or is gone ({@link #stopWatching}) and when the provider stops ({@link #stop()}).
 */
public final class KindServerChanges<P extends HasMetadata> extends SimpleInboundEventSource<P> {

    private static final Logger LOG = LoggerFactory.getLogger(KindServerChanges.class);
    private static final Duration WAIT = WaitForChange.DEFAULT_TIMEOUT;

    private final Map<ResourceID, Watch> watches = new ConcurrentHashMap<>();

    public KindServerChanges(String name) {
        super(name);
    }

    /**
     * Waits for cluster {@code cluster}'s answer to be another than the one named {@code etag}, and then reconciles
     * {@code resource}; nothing when a wait of the resource is outstanding already (its end reconciles, and that
     * reconcile waits on the answer it then sees) or when this source is not running.
     */
    public void watch(ResourceID resource, KindServerClient client, String cluster, String etag) {
        if (!isRunning()) {
            return;
        }
        Watch watch = new Watch(resource, client, cluster, etag);
        if (watches.putIfAbsent(resource, watch) == null) {
            watch.await();
        }
    }

    /** Ends the resource's wait, if it has one: its cluster is no longer busy, or the resource is gone. */
    public void stopWatching(ResourceID resource) {
        Watch watch = watches.remove(resource);
        if (watch != null) {
            watch.cancel();
        }
    }

    /** How many KindClusters wait on kindserver now. */
    public int watching() {
        return watches.size();
    }

    @Override
    public void stop() throws OperatorException {
        super.stop();
        watches.keySet().forEach(this::stopWatching);
    }

    /** One resource's wait; renewed after a timeout with no change, for as long as it is not stopped. */
    private final class Watch {
        private final ResourceID resource;
        private final KindServerClient client;
        private final String cluster;
        private final String etag;
        private volatile CompletableFuture<ClusterChange> pending = CompletableFuture.completedFuture(null);
        private volatile boolean cancelled;

        Watch(ResourceID resource, KindServerClient client, String cluster, String etag) {
            this.resource = resource;
            this.client = client;
            this.cluster = cluster;
            this.etag = etag;
        }

        void await() {
            long started = System.nanoTime();
            CompletableFuture<ClusterChange> wait;
            try {
                wait = client.awaitChange(cluster, etag, WAIT);
            } catch (RuntimeException e) {
                wait = CompletableFuture.failedFuture(e);
            }
            pending = wait;
            if (cancelled) {
                wait.cancel(true); // stopped while this wait was being sent
            }
            wait.whenComplete(
                    (change, failure) -> ended(change, failure, Duration.ofNanos(System.nanoTime() - started)));
        }

        void cancel() {
            cancelled = true;
            pending.cancel(true);
        }

        private void ended(ClusterChange change, Throwable failure, Duration took) {
            if (watches.get(resource) != this) {
                return; // stopped meanwhile
            }
            if (change instanceof ClusterChange.Unchanged && took.compareTo(WAIT.dividedBy(2)) >= 0) {
                await();
                return;
            }
            watches.remove(resource, this);
            if (change instanceof ClusterChange.Gone
                    || (change instanceof ClusterChange.Changed changed
                            && !changed.now().etag().equals(Optional.of(etag)))) {
                propagateEvent(resource);
            } else {
                LOG.debug(
                        "waiting for a change of kind cluster {} ended without one ({}); the busy poll looks next",
                        cluster,
                        failure != null ? failure.toString() : change);
            }
        }
    }
}
