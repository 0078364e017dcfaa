package io.providerkind.kindserver.clusters;

import io.micrometer.core.instrument.Timer;
import io.providerkind.kindserver.docker.DockerSnapshot;
import io.providerkind.kindserver.kind.ClusterName;
import io.providerkind.kindserver.kind.KindCommandException;
import io.providerkind.sdk.ClusterPhase;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One delete, in the background: wait for the create it cancelled (if any) to stop, run
 * {@code kind delete cluster} until Docker shows no node of the cluster, then forget the cluster and
 * release its port. A failed delete becomes Failed with kind's text; deleting again retries it. A shutdown
 * (the worker interrupted, kind stopped) is no failure: the record stays Deleting and {@link Recovery} resumes
 * the delete at the next start, as README.md and {@link Shutdown} promise. A delete {@link DockerOutageGuard}
 * stops because Docker stopped answering is Failed, with that reason: deleting again retries it once Docker answers.
 */
final class DeleteOperation implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(DeleteOperation.class);
    private static final int ATTEMPTS = 3;

    private final ClusterEngine engine;
    private final ClusterName name;
    private final Operation cancelledCreate;
    private final Operation operation;
    private final Timer.Sample timing;

    /**
     * @param cancelledCreate the create this delete stops first, or null
     * @param operation       this delete's own operation, which only a shutdown cancels
     */
    DeleteOperation(ClusterEngine engine, ClusterName name, Operation cancelledCreate, Operation operation) {
        this.engine = engine;
        this.name = name;
        this.cancelledCreate = cancelledCreate;
        this.operation = operation;
        this.timing = engine.metrics().start();
    }

    @Override
    public void run() {
        String outcome = "failed";
        operation.runOn(Thread.currentThread());
        try {
            awaitCancelledCreate();
            outcome = delete();
        } catch (InterruptedException e) {
            if (stoppedForDockerOutage()) {
                return;
            }
            // shutting down: the record stays Deleting and the delete resumes at the next start
            Thread.currentThread().interrupt();
            outcome = "interrupted";
        } catch (RuntimeException e) {
            if (stoppedForDockerOutage()) {
                return;
            }
            if (operation.cancelled()) {
                // Docker's client and the state dir's file channels fail this way when a shutdown interrupts them
                outcome = "interrupted";
            } else {
                LOG.error("delete of cluster {} failed unexpectedly", name, e);
                fail("kindserver failed while deleting the cluster: " + e.getMessage());
            }
        } finally {
            operation.leave();
            engine.metrics().deleteEnded(timing, outcome);
        }
    }

    /** Records the Docker outage as the delete's failure, unless a shutdown came too (then it resumes at start). */
    private boolean stoppedForDockerOutage() {
        String reason = operation.stoppedBecause();
        if (reason == null || operation.cancelled()) {
            return false;
        }
        Thread.interrupted(); // the interrupt was for kind; the record must still be written
        fail(reason);
        return true;
    }

    private void awaitCancelledCreate() throws InterruptedException {
        if (cancelledCreate == null) {
            return;
        }
        cancelledCreate.cancel();
        try {
            cancelledCreate
                    .done()
                    .get(engine.config().timeouts().shutdownGrace().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("the cancelled create of cluster {} has not stopped yet; deleting anyway", name);
        }
    }

    private String delete() throws InterruptedException {
        String lastError = "nodes of the cluster remain after kind delete cluster";
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                engine.kind().deleteCluster(name, engine.config().timeouts().command());
            } catch (KindCommandException e) {
                lastError = e.getMessage();
                continue;
            }
            // a node being created while kind was stopped can appear after kind listed the nodes: look again
            DockerSnapshot after = engine.watcher().refreshNow();
            if (!after.reachable()) {
                // kind says it is gone, but nothing is decided on a Docker that does not answer
                lastError = "Docker did not answer to confirm that kind deleted every node (" + after.failure() + ")";
                continue;
            }
            if (after.nodes(name.value()).isEmpty()) {
                engine.forget(name.value());
                LOG.info("cluster {} deleted", name);
                return "deleted";
            }
            Thread.sleep(500);
        }
        if (operation.cancelled()) {
            throw new InterruptedException("kindserver is shutting down");
        }
        fail("delete failed: " + lastError);
        return "failed";
    }

    private void fail(String message) {
        engine.table()
                .update(
                        name.value(),
                        ClusterTable.inPhase(ClusterPhase.Deleting),
                        r -> r.failed(message, engine.now()));
        LOG.warn("delete of cluster {} failed: {}", name, message);
    }
}
