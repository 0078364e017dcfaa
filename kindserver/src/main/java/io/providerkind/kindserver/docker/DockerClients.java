package io.providerkind.kindserver.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.time.Duration;
import java.util.Optional;

/** Builds the docker-java client kindserver uses (httpclient5 transport). The caller owns and closes it. */
public final class DockerClients {

    private DockerClients() {}

    /**
     * @param dockerHost e.g. {@code unix:///var/run/docker.sock}; empty for Docker's own defaults
     *                   ({@code DOCKER_HOST}, then the local socket)
     */
    public static DockerClient connect(Optional<String> dockerHost) {
        DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder();
        dockerHost.ifPresent(builder::withDockerHost);
        DefaultDockerClientConfig config = builder.build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(32)
                .connectionTimeout(Duration.ofSeconds(5))
                .build();
        return DockerClientImpl.getInstance(config, http);
    }
}
