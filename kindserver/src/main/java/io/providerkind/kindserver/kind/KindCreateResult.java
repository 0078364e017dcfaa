package io.providerkind.kindserver.kind;

import java.util.Optional;

/** How a {@code kind create cluster} ended. */
public sealed interface KindCreateResult {

    /**
     * kind exited 0: the cluster exists.
     *
     * @param writtenKubeconfig the kubeconfig kind wrote to its {@code --kubeconfig} during the create, when it
     *     is there and holds this cluster's entries ({@link Kubeconfigs#writtenByCreate}); it carries the
     *     cluster's admin credentials
     */
    record Created(Optional<String> writtenKubeconfig) implements KindCreateResult {

        @Override
        public String toString() {
            return "Created[writtenKubeconfig=" + (writtenKubeconfig.isPresent() ? "redacted" : "none") + "]";
        }
    }

    /** kind failed (or ran too long); {@code message} is kind's own error text. */
    record Failed(String message) implements KindCreateResult {}

    /** The process was stopped on purpose (a delete or a shutdown) before it ended. */
    record Cancelled() implements KindCreateResult {}
}
