package io.providerkind.kindserver.kind;

/** How a {@code kind create cluster} ended. */
public sealed interface KindCreateResult {

    /** kind exited 0: the cluster exists. */
    record Created() implements KindCreateResult {}

    /** kind failed (or ran too long); {@code message} is kind's own error text. */
    record Failed(String message) implements KindCreateResult {}

    /** The process was stopped on purpose (a delete or a shutdown) before it ended. */
    record Cancelled() implements KindCreateResult {}
}
