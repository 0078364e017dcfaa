package io.providerkind.kindserver.clusters;

import io.providerkind.sdk.ClusterPhase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a {@link KindClusterService}: running operations get the grace period to finish; creates still
 * running then are stopped (kind and what it started) and recorded Failed, so that no kind process is
 * orphaned and no cluster is left "Creating" forever. A delete still running is stopped and resumes at
 * the next start (its record stays Deleting).
 */
final class Shutdown implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Shutdown.class);
    static final String STOPPED_DURING_CREATE = "kindserver stopped during create; create it again to retry"
            + " (leftover nodes are removed first) or delete it";
    private static final long STOP_WAIT_MILLIS = 15_000;

    private final ClusterEngine engine;
    private final ExecutorService workers;

    Shutdown(ClusterEngine engine, ExecutorService workers) {
        this.engine = engine;
        this.workers = workers;
    }

    @Override
    public void run() {
        long deadline =
                System.nanoTime() + engine.config().timeouts().shutdownGrace().toNanos();
        for (Operation operation : List.copyOf(engine.operations().values())) {
            await(operation, Math.max(0, (deadline - System.nanoTime()) / 1_000_000));
        }
        List<Map.Entry<String, Operation>> stopped = new ArrayList<>();
        for (Map.Entry<String, Operation> running :
                List.copyOf(engine.operations().entrySet())) {
            if (running.getValue().kind() == Operation.Kind.CREATE) {
                LOG.warn("stopping the create of cluster {}: kindserver is shutting down", running.getKey());
                running.getValue().cancel();
                stopped.add(running);
            } else {
                // marked before the interrupt below, so that the delete never takes the interrupt for a failure
                LOG.warn(
                        "stopping the delete of cluster {}: kindserver is shutting down; it resumes at the next start",
                        running.getKey());
                running.getValue().cancel();
            }
        }
        for (Map.Entry<String, Operation> create : stopped) {
            await(create.getValue(), STOP_WAIT_MILLIS);
            engine.table()
                    .update(
                            create.getKey(),
                            ClusterTable.inPhase(ClusterPhase.Creating),
                            r -> r.failed(STOPPED_DURING_CREATE, engine.now()));
        }
        workers.shutdownNow();
        try {
            if (!workers.awaitTermination(STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                LOG.warn("some kindserver operations did not stop in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        engine.watcher().close();
        engine.metrics().close();
    }

    private static void await(Operation operation, long millis) {
        try {
            operation.done().get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // still running: stopped below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
