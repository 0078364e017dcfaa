package io.providerkind.kindserver.kind;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/** Stops a process together with what it started (kind runs docker, which must not live on as an orphan). */
public final class ProcessTree {

    private ProcessTree() {}

    /** SIGTERM to the process and every descendant, then SIGKILL to whatever still runs after {@code grace}. */
    public static void destroy(ProcessHandle root, Duration grace) {
        // descendants must be listed before the root dies: orphans are re-parented and no longer found
        List<ProcessHandle> tree =
                Stream.concat(root.descendants(), Stream.of(root)).toList();
        tree.forEach(ProcessHandle::destroy);
        CompletableFuture<?>[] exits = tree.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        } catch (InterruptedException e) {
            tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
        }
    }
}
