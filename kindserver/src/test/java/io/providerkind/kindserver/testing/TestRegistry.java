package io.providerkind.kindserver.testing;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.providerkind.kindserver.config.ListenAddress;
import io.providerkind.kindserver.config.RegistrySettings;
import io.providerkind.testsupport.FreePort;
import io.providerkind.testsupport.realparts.RealParts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The tests' local registry: a real distribution registry 2.8 ({@value #IMAGE}, Debian's docker-registry made into an
 * image by testing/registry-image/build-registry-image.sh) run by kindserver under a container name with the tests'
 * prefix {@code ksh-} and a free loopback port, never the production name.
 */
public final class TestRegistry {

    public static final String IMAGE = "provider-kind-test/registry:2";

    private TestRegistry() {}

    /** Settings for a registry container {@code ksh-<name>} on a free loopback port; skips without the image. */
    public static RegistrySettings settings(String name) {
        try (DockerClient docker = DockerEngine.client()) {
            try {
                docker.inspectImageCmd(IMAGE).exec();
            } catch (NotFoundException e) {
                RealParts.require(
                        false,
                        "the registry image " + IMAGE + " is missing; build it with "
                                + "testing/registry-image/build-registry-image.sh (or make setup)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RegistrySettings(new ListenAddress("127.0.0.1", FreePort.onLoopback()), IMAGE, "ksh-" + name);
    }

    /** {@code GET http://<host address><path>} of the registry's API, as docker push and pull talk to it. */
    public static HttpResponse<String> get(RegistrySettings registry, String path)
            throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://" + registry.hostAddress() + path))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    /** Removes a container the tests made (named {@code ksh-...}), with its volumes; absent is fine. */
    public static void remove(String container) {
        if (!container.startsWith("ksh-")) {
            throw new IllegalArgumentException("tests remove only their own containers (ksh-...), not " + container);
        }
        try (DockerClient docker = DockerEngine.client()) {
            docker.removeContainerCmd(container)
                    .withForce(true)
                    .withRemoveVolumes(true)
                    .exec();
        } catch (NotFoundException gone) {
            // nothing to remove
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
