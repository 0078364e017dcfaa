package io.providerkind.kindserver.config;

import com.google.common.net.InetAddresses;
import io.providerkind.sdk.ImageReference;
import io.providerkind.sdk.LocalRegistry;
import java.util.regex.Pattern;

/**
 * The local registry kindserver runs for its clusters ({@code --registry}, kind's local-registry recipe).
 *
 * @param published     where the registry's port 5000 is published on the Docker host, e.g. {@code 127.0.0.1:5001}
 * @param image         the {@code registry:2}-compatible image to run; never pulled
 * @param containerName the registry container's name, which the clusters' nodes resolve on the {@code kind} network
 */
public record RegistrySettings(ListenAddress published, String image, String containerName) {

    /** The port a {@code registry:2} image serves the registry API on inside its container. */
    public static final int CONTAINER_PORT = 5000;

    /** Docker's rule for container names. */
    private static final Pattern CONTAINER_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");

    public RegistrySettings {
        if (published.port() == 0) {
            throw new ConfigurationException("--registry needs a port, e.g. 127.0.0.1:5001");
        }
        if (!InetAddresses.isInetAddress(published.host())) {
            throw new ConfigurationException("--registry needs an IP address Docker can publish the registry on, e.g. "
                    + "127.0.0.1:5001, got " + published);
        }
        if (published.wildcard()) {
            throw new ConfigurationException("--registry names the address the Docker host pushes to, e.g. "
                    + "127.0.0.1:5001, not a wildcard, got " + published);
        }
        ImageReference.problem(image).ifPresent(problem -> {
            throw new ConfigurationException("--registry-image: " + problem);
        });
        if (containerName == null || !CONTAINER_NAME.matcher(containerName).matches()) {
            throw new ConfigurationException(
                    "--registry-container must be a Docker container name ([a-zA-Z0-9][a-zA-Z0-9_.-]*), got '"
                            + containerName + "'");
        }
    }

    /** Reads {@code --registry HOST:PORT}. */
    public static RegistrySettings of(String address, String image, String containerName) {
        ListenAddress published;
        try {
            published = ListenAddress.parse(address);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(
                    "--registry must look like 127.0.0.1:5001, got '" + address + "' (" + e.getMessage() + ")");
        }
        return new RegistrySettings(published, image, containerName);
    }

    /** What the Docker host pushes to and pods name images by, e.g. {@code 127.0.0.1:5001}. */
    public String hostAddress() {
        return published.toString();
    }

    /** What the nodes reach on the {@code kind} network, e.g. {@code kindserver-registry:5000}. */
    public String clusterAddress() {
        return containerName + ":" + CONTAINER_PORT;
    }

    public LocalRegistry toLocalRegistry() {
        return new LocalRegistry(hostAddress(), clusterAddress());
    }
}
