package io.providerkind.kindserver.clusters;

import io.providerkind.kindserver.kind.CreateProcess;
import java.util.concurrent.CompletableFuture;

/**
 * The one operation running on a cluster. A create can be cancelled from another thread (a delete, a
 * shutdown) at any moment: before its kind process starts, or while it runs. A delete is cancelled only by a
 * shutdown, which then interrupts it: what fails after that is the shutdown's doing, not the delete's.
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

    void finish() {
        done.complete(null);
    }
}
