package io.providerkind.kindserver.clusters;

import io.micrometer.core.instrument.Timer;
import io.providerkind.kindserver.kind.ClusterName;
import io.providerkind.kindserver.kind.KindCli;
import io.providerkind.kindserver.kind.KindCommandException;
import io.providerkind.sdk.ImageLoad;
import io.providerkind.sdk.ImageLoadState;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The images asked to be loaded into each cluster ({@code POST .../{name}/images}), in memory only: one after another
 * per cluster, each through {@code kind load docker-image}, on kindserver's worker threads. An image Pending, Loading
 * or Loaded is not asked of kind again; a Failed one is, when asked for again. Each state change is told to
 * {@link ClusterChanges}, as the cluster's answer shows it. {@link #cancel} (the cluster is deleted or gone) drops the
 * cluster's list and stops its running load.
 */
final class ImageLoads {

    private static final Logger LOG = LoggerFactory.getLogger(ImageLoads.class);

    private final KindCli kind;
    private final ClusterChanges changes;
    private final ClusterMetrics metrics;
    private final ExecutorService workers;
    private final Duration timeout;
    private final Map<String, Queue> clusters = new ConcurrentHashMap<>();

    /** @param timeout the limit of one image's load */
    ImageLoads(
            KindCli kind, ClusterChanges changes, ClusterMetrics metrics, ExecutorService workers, Duration timeout) {
        this.kind = kind;
        this.changes = changes;
        this.metrics = metrics;
        this.workers = workers;
        this.timeout = timeout;
    }

    /** The cluster's images in the order first asked, each with its state; empty when none was asked for. */
    List<ImageLoad> of(String cluster) {
        Queue queue = clusters.get(cluster);
        if (queue == null) {
            return List.of();
        }
        synchronized (queue) {
            return List.copyOf(queue.loads.values());
        }
    }

    /**
     * Queues the images not yet Pending, Loading or Loaded, and starts loading when nothing loads yet. Answers the
     * cluster's images as they are right after queuing, before any of them has moved on.
     */
    List<ImageLoad> request(String cluster, List<String> images) {
        List<ImageLoad> queued;
        Queue queue = clusters.computeIfAbsent(cluster, name -> new Queue());
        synchronized (queue) {
            for (String image : images) {
                ImageLoad known = queue.loads.get(image);
                if (known == null || known.state() == ImageLoadState.Failed) {
                    queue.loads.put(image, new ImageLoad(image, ImageLoadState.Pending, null));
                }
            }
            if (queue.drain == null && next(queue).isPresent()) {
                try {
                    queue.drain = workers.submit(() -> drain(cluster, queue));
                } catch (RejectedExecutionException e) {
                    throw new ServiceUnavailableException("kindserver is shutting down", e);
                }
            }
            queued = List.copyOf(queue.loads.values());
        }
        changes.changed(cluster);
        return queued;
    }

    /** Forgets the cluster's images and stops the load running for it, if one is. */
    void cancel(String cluster) {
        Queue queue = clusters.remove(cluster);
        if (queue == null) {
            return;
        }
        synchronized (queue) {
            queue.cancelled = true;
            if (queue.drain != null) {
                queue.drain.cancel(true);
            }
        }
        changes.changed(cluster);
    }

    private void drain(String cluster, Queue queue) {
        while (true) {
            String image;
            synchronized (queue) {
                Optional<String> next = next(queue);
                if (queue.cancelled || next.isEmpty()) {
                    queue.drain = null;
                    return;
                }
                image = next.get();
                queue.loads.put(image, new ImageLoad(image, ImageLoadState.Loading, null));
            }
            changes.changed(cluster);
            if (!load(cluster, queue, image)) {
                return;
            }
            changes.changed(cluster);
        }
    }

    /** Loads one image and records how it ended; false when the cluster's loads were cancelled meanwhile. */
    private boolean load(String cluster, Queue queue, String image) {
        Timer.Sample timing = metrics.start();
        ImageLoad ended;
        try {
            kind.loadDockerImage(new ClusterName(cluster), image, timeout);
            ended = new ImageLoad(image, ImageLoadState.Loaded, null);
            LOG.info("image {} loaded into cluster {}", image, cluster);
        } catch (KindCommandException e) {
            ended = new ImageLoad(image, ImageLoadState.Failed, e.getMessage());
            LOG.warn("image {} could not be loaded into cluster {}: {}", image, cluster, e.getMessage());
        } catch (InterruptedException e) {
            // the worker's future was cancelled: the flag stays set for the pool, which owns the thread
            Thread.currentThread().interrupt();
            metrics.imageLoadEnded(timing, "cancelled");
            LOG.info(
                    "load of image {} into cluster {} stopped: the cluster is deleted or kindserver stops",
                    image,
                    cluster);
            return false;
        }
        synchronized (queue) {
            if (queue.cancelled) {
                metrics.imageLoadEnded(timing, "cancelled");
                return false;
            }
            queue.loads.put(image, ended);
        }
        metrics.imageLoadEnded(timing, ended.state() == ImageLoadState.Loaded ? "loaded" : "failed");
        return true;
    }

    private static Optional<String> next(Queue queue) {
        return queue.loads.values().stream()
                .filter(load -> load.state() == ImageLoadState.Pending)
                .map(ImageLoad::image)
                .findFirst();
    }

    /** One cluster's images; guarded by its own monitor. */
    private static final class Queue {
        private final Map<String, ImageLoad> loads = new LinkedHashMap<>();
        private Future<?> drain;
        private boolean cancelled;
    }
}
