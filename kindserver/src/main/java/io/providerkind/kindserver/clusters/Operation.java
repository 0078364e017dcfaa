package io.providerkind.kindserver.clusters;

import io.providerkind.kindserver.kind.CreateProcess;
import java.util.concurrent.CompletableFuture;

/**
 * The one operation running on a cluster. A create can be cancelled from another thread (a delete, a
 * shutdown) at any moment: before its kind process starts, or while it runs. A delete is cancelled only by a
 * shutdown, which then interrupts it: what fails after that is the shutdown's doing, not the delete's. A delete
 * can also be stopped because Docker stopped answering under it ({@link #stopForDockerOutage}): its thread is
 * interrupted then too, and the delete records why.
 */
final class Operation {

    enum Kind {
        CREATE,
        DELETE
    }

    private final Kind kind;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private volatile CreateProcess process;
    private volatile boolean cancelled;
    private Thread worker;
    private String stoppedBecause;

    Operation(Kind kind) {
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }

    CompletableFuture<Void> done() {
        return done;
    }

    boolean cancelled() {
        return cancelled;
    }

    /** Both sides re-check after writing, so a cancel racing with the start of kind still stops it. */
    void attach(CreateProcess running) {
        process = running;
        if (cancelled) {
            running.cancel();
        }
    }

    void cancel() {
        cancelled = true;
        CreateProcess running = process;
        if (running != null) {
            running.cancel();
        }
    }

    /** The thread running this delete, until {@link #leave()}: only it may be interrupted, never its pool's next task. */
    synchronized void runOn(Thread thread) {
        worker = thread;
    }

    /** The worker is done with this operation; clears an interrupt meant for it that arrived too late. */
    synchronized void leave() {
        worker = null;
        if (stoppedBecause != null) {
            Thread.interrupted();
        }
    }

    /** Stops the delete running on its worker, if one is: Docker does not answer, so kind can only hang. */
    synchronized void stopForDockerOutage(String reason) {
        if (worker != null && stoppedBecause == null) {
            stoppedBecause = reason;
            worker.interrupt();
        }
    }

    /** Why {@link #stopForDockerOutage} stopped this delete, or null. */
    synchronized String stoppedBecause() {
        return stoppedBecause;
    }

    void finish() {
        done.complete(null);
    }
}
