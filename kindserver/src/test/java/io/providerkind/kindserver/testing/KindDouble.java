package io.providerkind.kindserver.testing;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.providerkind.testsupport.RepositoryRoot;
import io.providerkind.testsupport.realparts.RealParts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's test double of the kind CLI (testing/kind-double/kind), which every kindserver test that drives
 * "kind" runs, and the node image it starts. Without either, or without Docker, the test fails under CI=true and
 * is skipped elsewhere (test-support's {@link RealParts}).
 */
public final class KindDouble {

    /** The node image the kind test double runs (built by testing/node-image/build-node-image.sh). */
    public static final String NODE_IMAGE = "kindest/node:v1.31.0";

    /**
     * The double's variable for the seconds each step of a create lasts (testing/kind-double/kinddouble/create.py;
     * 0.5 when unset), so that a create can be seen midway.
     */
    public static final String STEP_SECONDS = "KIND_DOUBLE_STEP_SECONDS";

    /** A step for tests that never look at a create midway: the create is over in well under a second. */
    public static final String QUICK_STEPS = "0.05";

    private static final String EXECUTABLE = "testing/kind-double/kind";

    private KindDouble() {}

    /** The double's executable, after checking that Docker answers and that the double and its node image are there. */
    public static Path executable() {
        try (DockerClient docker = DockerEngine.client()) {
            Path kind = RepositoryRoot.locate().resolve(EXECUTABLE);
            RealParts.require(
                    Files.isExecutable(kind), "the kind test double " + EXECUTABLE + " is missing or not executable");
            RealParts.require(
                    hasImage(docker, NODE_IMAGE),
                    "the node image " + NODE_IMAGE + " is missing; build it "
                            + "with testing/node-image/build-node-image.sh (or make setup)");
            return kind;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hasImage(DockerClient docker, String image) {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
