package io.providerkind.kindserver.testing;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.providerkind.kindserver.docker.DockerClients;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The real parts tests run on (DEVELOPERS.md): the Docker engine and the project's kind test double.
 * When one is missing a test is skipped on a developer's machine, but FAILS when {@code CI=true}: CI must
 * never go green by skipping what it was meant to test.
 */
public final class RealParts {

    /** The node image the kind test double runs (built by testing/node-image/build-node-image.sh). */
    public static final String NODE_IMAGE = "kindest/node:v1.31.0";

    private RealParts() {
    }

    /** Checks that the local Docker engine answers. */
    public static void requireDocker() {
        closeQuietly(dockerClient());
    }

    /** A client of the local Docker engine after checking that it answers; the caller closes it. */
    public static DockerClient dockerClient() {
        DockerClient docker = DockerClients.connect(Optional.empty());
        try {
            docker.pingCmd().exec();
            return docker;
        } catch (RuntimeException e) {
            closeQuietly(docker);
            missing("the Docker engine does not answer (" + e.getMessage() + "); start it with "
                    + "/work/shared/tools/start-dockerd.sh or make setup");
            throw new IllegalStateException("unreachable");
        }
    }

    /** The kind test double's executable, after checking that it and its node image are there. */
    public static Path kindDouble() {
        Path kind = projectRoot().resolve("testing/kind-double/kind");
        if (!Files.isExecutable(kind)) {
            missing("the kind test double " + kind + " is missing or not executable");
        }
        try (DockerClient docker = dockerClient()) {
            docker.inspectImageCmd(NODE_IMAGE).exec();
        } catch (NotFoundException e) {
            missing("the node image " + NODE_IMAGE + " is missing; build it with "
                    + "testing/node-image/build-node-image.sh (or make setup)");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return kind;
    }

    /** The repository root: PROVIDER_KIND_ROOT (surefire sets it) or the nearest parent holding testing/. */
    public static Path projectRoot() {
        String fromEnv = System.getenv("PROVIDER_KIND_ROOT");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("testing")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        missing("cannot find the repository root: set PROVIDER_KIND_ROOT");
        throw new IllegalStateException("unreachable");
    }

    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    private static void missing(String what) {
        if (inCi()) {
            Assertions.fail("CI=true and a real part is missing: " + what);
        }
        Assumptions.abort("skipped, a real part is missing: " + what);
    }

    private static void closeQuietly(DockerClient docker) {
        try {
            docker.close();
        } catch (IOException e) {
            // nothing to do
        }
    }
}
