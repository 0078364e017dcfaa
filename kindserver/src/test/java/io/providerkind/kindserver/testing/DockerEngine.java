package io.providerkind.kindserver.testing;

import com.github.dockerjava.api.DockerClient;
import io.providerkind.kindserver.docker.DockerClients;
import io.providerkind.testsupport.realparts.RealParts;
import java.io.IOException;
import java.util.Optional;

/**
 * The local Docker engine through docker-java, as kindserver reaches it. Without an engine that answers, the
 * test fails under CI=true and is skipped elsewhere (test-support's {@link RealParts}).
 */
public final class DockerEngine {

    private DockerEngine() {}

    /** A client of the local Docker engine after checking that it answers; the caller closes it. */
    public static DockerClient client() {
        DockerClient docker = DockerClients.connect(Optional.empty());
        try {
            docker.pingCmd().exec();
            return docker;
        } catch (RuntimeException e) {
            closeQuietly(docker);
            RealParts.require(
                    false,
                    "the Docker engine does not answer (" + e.getMessage() + "); start it with "
                            + "testing/docker/start-dockerd.sh (or make setup)");
            throw new IllegalStateException("RealParts.require returns only when the part is there", e);
        }
    }

    private static void closeQuietly(DockerClient docker) {
        try {
            docker.close();
        } catch (IOException e) {
            // it never answered: there is nothing to release
        }
    }
}
