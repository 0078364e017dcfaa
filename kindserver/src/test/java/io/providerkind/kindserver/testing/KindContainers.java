package io.providerkind.kindserver.testing;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** What the Docker engine really holds for a kind cluster, to check kindserver's answers against and to clean up. */
public final class KindContainers {

    private static final String CLUSTER_LABEL = "io.x-k8s.kind.cluster";

    private KindContainers() {}

    /** Every container (running or not) labelled as a node of {@code cluster}. */
    public static List<Container> of(String cluster) {
        try (DockerClient docker = DockerEngine.client()) {
            return docker.listContainersCmd()
                    .withShowAll(true)
                    .withLabelFilter(Map.of(CLUSTER_LABEL, cluster))
                    .exec();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The names of {@code cluster}'s node containers, sorted (e.g. {@code x-control-plane}, {@code x-worker}). */
    public static List<String> names(String cluster) {
        return of(cluster).stream()
                .map(container -> container.getNames()[0].substring(1))
                .sorted()
                .toList();
    }

    /** Removes the nodes of the given clusters, whatever kindserver thinks: a safety net after tests. */
    public static void removeAll(String... clusters) {
        try (DockerClient docker = DockerEngine.client()) {
            for (String cluster : clusters) {
                for (Container container : docker.listContainersCmd()
                        .withShowAll(true)
                        .withLabelFilter(Map.of(CLUSTER_LABEL, cluster))
                        .exec()) {
                    docker.removeContainerCmd(container.getId())
                            .withForce(true)
                            .withRemoveVolumes(true)
                            .exec();
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("could not clean up kind containers of " + String.join(", ", clusters) + ": " + e);
        }
    }
}
