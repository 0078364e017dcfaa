package io.providerkind.kindserver.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.time.Duration;
import java.util.Optional;

/**
 * Builds the docker-java clients kindserver uses (httpclient5 transport). The caller owns and closes them.
 * Every call is bounded: an engine that accepts connections and never answers (a hung dockerd) must not hang
 * kindserver's start, creates, deletes or shutdown. The event stream is the one exception, on a client of its own.
 */
public final class DockerClients {

    /** Connecting to a local socket or a loopback port is immediate; longer means nothing listens. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /**
     * The default of {@code --docker-timeout}: kindserver's calls (list kind's containers, read a file of one,
     * inspect or create a network) take milliseconds, and seconds on an engine busy starting nodes; an engine
     * silent this long is down.
     */
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(15);

    private DockerClients() {}

    /** A client for calls, each bounded by {@link #CONNECT_TIMEOUT} and {@link #DEFAULT_RESPONSE_TIMEOUT}. */
    public static DockerClient connect(Optional<String> dockerHost) {
        return connect(dockerHost, DEFAULT_RESPONSE_TIMEOUT);
    }

    /**
     * A client for calls, each bounded by {@link #CONNECT_TIMEOUT} and {@code responseTimeout}.
     *
     * @param dockerHost      e.g. {@code unix:///var/run/docker.sock}; empty for Docker's own defaults
     *                        ({@code DOCKER_HOST}, then the local socket)
     * @param responseTimeout how long a call may wait for Docker's answer ({@code --docker-timeout})
     */
    public static DockerClient connect(Optional<String> dockerHost, Duration responseTimeout) {
        return build(dockerHost, Optional.of(responseTimeout));
    }

    /**
     * A client for Docker's event stream only ({@link NodeInspector#followEvents}): a response timeout would end
     * the stream whenever no kind node changes for that long, which is most of the time. Connecting is still
     * bounded; a stream an engine never answers is replaced once the engine answers listings again (see
     * {@link NodeWatcher}).
     */
    public static DockerClient connectForEvents(Optional<String> dockerHost) {
        return build(dockerHost, Optional.empty());
    }

    private static DockerClient build(Optional<String> dockerHost, Optional<Duration> responseTimeout) {
        DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder();
        dockerHost.ifPresent(builder::withDockerHost);
        DefaultDockerClientConfig config = builder.build();
        ApacheDockerHttpClient.Builder http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(32)
                .connectionTimeout(CONNECT_TIMEOUT);
        if (responseTimeout.isEmpty()) {
            return DockerClientImpl.getInstance(config, http.build());
        }
        // the socket timeout bounds reading an answer over TCP; the deadline bounds waiting for it on any socket
        http.responseTimeout(responseTimeout.get());
        return DockerClientImpl.getInstance(config, new DeadlineHttpClient(http.build(), responseTimeout.get()));
    }
}
