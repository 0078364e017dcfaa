package io.providerkind.kindserver.clusters;

import io.providerkind.kindserver.kind.ClusterName;
import io.providerkind.kindserver.kind.KindConfig;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * Registers a cluster's operation, hands it to a worker thread, and ends it (the cluster free again, waiters
 * released) once the work returns. Callers hold the cluster's lock.
 */
final class OperationStarter {

    private final ClusterEngine engine;
    private final ExecutorService workers;

    OperationStarter(ClusterEngine engine, ExecutorService workers) {
        this.engine = engine;
        this.workers = workers;
    }

    void startCreate(ClusterName name, KindConfig config, boolean removeLeftoversFirst) {
        Operation operation = new Operation(Operation.Kind.CREATE);
        start(name, operation, new CreateOperation(engine, name, config, removeLeftoversFirst, operation));
    }

    /** @param cancelledCreate the create this delete stops and waits for; or null */
    void startDelete(ClusterName name, Operation cancelledCreate) {
        Operation operation = new Operation(Operation.Kind.DELETE);
        start(name, operation, new DeleteOperation(engine, name, cancelledCreate, operation));
    }

    private void start(ClusterName name, Operation operation, Runnable work) {
        engine.operations().put(name.value(), operation);
        try {
            workers.execute(() -> {
                try {
                    work.run();
                } finally {
                    end(name, operation);
                }
            });
        } catch (RejectedExecutionException e) {
            end(name, operation);
            throw new ServiceUnavailableException("kindserver is shutting down", e);
        }
    }

    /** The cluster is free for its next operation; whoever waits for this one may go on. */
    private void end(ClusterName name, Operation operation) {
        engine.operations().remove(name.value(), operation);
        operation.finish();
    }
}
