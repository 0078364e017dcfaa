package io.providerkind.kindserver.clusters;

import com.github.dockerjava.api.DockerClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.providerkind.kindserver.docker.DockerClients;
import io.providerkind.kindserver.net.PortRange;
import io.providerkind.sdk.LocalRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@link KindClusterService} needs; KindServerLauncher builds it from kindserver's settings.
 *
 * @param kindBinary         the kind executable
 * @param stateDir           kindserver's state dir; cluster records go to {@code clusters/} in it
 * @param advertiseAddress   the address clusters' API servers listen on; empty for the IPv4 gateway of the
 *                           docker {@code kind} network (created if kind has not made it yet)
 * @param apiPorts           the range API server ports are allocated from
 * @param maxParallelCreates creates that run at once; more wait (phase Creating, "waiting" progress)
 * @param docker             the Docker engine, for calls (owned by the caller; see DockerClients.connect)
 * @param dockerEvents       the same engine, for its event stream only (owned by the caller; see
 *                           DockerClients.connectForEvents)
 * @param meters             where cluster metrics go
 * @param clock              timestamps of records
 * @param timeouts           how long kind and shutdown may take
 * @param registry           the local registry every cluster made is wired to, or empty for none
 */
public record ClusterServiceConfig(
        Path kindBinary,
        Path stateDir,
        Optional<String> advertiseAddress,
        PortRange apiPorts,
        int maxParallelCreates,
        DockerClient docker,
        DockerClient dockerEvents,
        MeterRegistry meters,
        Clock clock,
        Timeouts timeouts,
        Optional<LocalRegistry> registry) {

    public static final int DEFAULT_MAX_PARALLEL_CREATES = 2;

    /** A config without a local registry. */
    public ClusterServiceConfig(
            Path kindBinary,
            Path stateDir,
            Optional<String> advertiseAddress,
            PortRange apiPorts,
            int maxParallelCreates,
            DockerClient docker,
            DockerClient dockerEvents,
            MeterRegistry meters,
            Clock clock,
            Timeouts timeouts) {
        this(
                kindBinary,
                stateDir,
                advertiseAddress,
                apiPorts,
                maxParallelCreates,
                docker,
                dockerEvents,
                meters,
                clock,
                timeouts,
                Optional.empty());
    }

    public ClusterServiceConfig {
        Objects.requireNonNull(kindBinary, "kindBinary");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(advertiseAddress, "advertiseAddress");
        Objects.requireNonNull(apiPorts, "apiPorts");
        Objects.requireNonNull(docker, "docker");
        Objects.requireNonNull(dockerEvents, "dockerEvents");
        Objects.requireNonNull(meters, "meters");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(registry, "registry");
        if (maxParallelCreates < 1) {
            throw new IllegalArgumentException("maxParallelCreates must be at least 1, got " + maxParallelCreates);
        }
    }

    /**
     * @param create        a {@code kind create cluster} running longer is stopped and the cluster Failed
     * @param command       limit for short kind commands (delete, get kubeconfig)
     * @param shutdownGrace how long {@link KindClusterService#close()} waits for running kind processes
     * @param resync        how often Docker is listed even without events
     * @param docker        how long a call may wait for Docker's answer ({@code --docker-timeout}); the waits
     *                      that depend on Docker answering follow from it ({@link #readyMaxAge()},
     *                      {@link #dockerOutage()})
     */
    public record Timeouts(
            Duration create, Duration command, Duration shutdownGrace, Duration resync, Duration docker) {

        public static Timeouts defaults() {
            return new Timeouts(
                    Duration.ofMinutes(15),
                    Duration.ofMinutes(3),
                    Duration.ofSeconds(30),
                    Duration.ofSeconds(3),
                    DockerClients.DEFAULT_RESPONSE_TIMEOUT);
        }

        /**
         * How old Docker's latest answered listing may be while kindserver is ready: one is due every
         * {@link #resync} and may take up to {@link #docker} to be answered.
         */
        public Duration readyMaxAge() {
            return resync.plus(docker);
        }

        /**
         * How long Docker may not answer before running creates and deletes are stopped and recorded Failed: kind
         * waits on a hung engine without a limit of its own. Twice the answer deadline: a listing that timed out
         * once may be an engine busy for a moment, the next one timing out too is an engine that is down.
         */
        public Duration dockerOutage() {
            return docker.multipliedBy(2);
        }

        public Timeouts withShutdownGrace(Duration grace) {
            return new Timeouts(create, command, grace, resync, docker);
        }

        public Timeouts withCreate(Duration limit) {
            return new Timeouts(limit, command, shutdownGrace, resync, docker);
        }

        public Timeouts withDocker(Duration answerTimeout) {
            return new Timeouts(create, command, shutdownGrace, resync, answerTimeout);
        }
    }
}
