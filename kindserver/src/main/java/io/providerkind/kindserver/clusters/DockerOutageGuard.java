package io.providerkind.kindserver.clusters;

import io.providerkind.kindserver.docker.DockerSnapshot;
import io.providerkind.sdk.ClusterPhase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the creates and deletes Docker stopped answering under. kind drives Docker through the docker CLI, which waits
 * without a limit on an engine that accepts connections and never answers; such a create would stay Creating
 * until the create timeout. Once Docker has not answered for {@code Timeouts.dockerOutage()} (twice
 * {@code --docker-timeout}), each running create is stopped (kind and its docker commands) and recorded Failed
 * with a message naming Docker; a create again retries it once Docker answers. A running delete is stopped the
 * same way and recorded Failed; deleting again retries it. Runs on the thread that made each snapshot.
 */
final class DockerOutageGuard {

    private static final Logger LOG = LoggerFactory.getLogger(DockerOutageGuard.class);

    private final ClusterEngine engine;

    DockerOutageGuard(ClusterEngine engine) {
        this.engine = engine;
    }

    void accept(DockerSnapshot snapshot) {
        Duration silence = engine.watcher().silence();
        if (snapshot.reachable() || silence.compareTo(engine.config().timeouts().dockerOutage()) < 0) {
            return;
        }
        for (Map.Entry<String, Operation> running :
                List.copyOf(engine.operations().entrySet())) {
            Operation operation = running.getValue();
            if (operation.kind() == Operation.Kind.CREATE && !operation.cancelled()) {
                stop(running.getKey(), operation, snapshot.failure(), silence);
            } else if (operation.kind() == Operation.Kind.DELETE && !operation.cancelled()) {
                String message = "Docker stopped answering kindserver while kind was deleting the cluster ("
                        + snapshot.failure() + "; nothing for " + silence.toSeconds() + " s), so kind was stopped;"
                        + " delete it again to retry once Docker answers";
                operation.stopForDockerOutage(message); // the delete logs it, once, as its failure
            }
        }
    }

    /** Cancelled first: from then on the create leaves its record alone, so Failed cannot be overwritten. */
    private void stop(String name, Operation operation, String failure, Duration silence) {
        String message = "Docker stopped answering kindserver while kind was creating the cluster (" + failure
                + "; nothing for " + silence.toSeconds() + " s), so kind was stopped; create it again to retry once"
                + " Docker answers (leftover nodes are removed first) or delete it";
        LOG.warn("stopping the create of cluster {}: {}", name, message);
        operation.cancel();
        engine.table().update(name, ClusterTable.inPhase(ClusterPhase.Creating), r -> r.failed(message, engine.now()));
    }
}
