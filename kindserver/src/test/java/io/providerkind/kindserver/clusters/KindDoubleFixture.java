package io.providerkind.kindserver.clusters;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.providerkind.kindserver.docker.DockerClients;
import io.providerkind.kindserver.docker.NodeInspector;
import io.providerkind.kindserver.net.PortRange;
import io.providerkind.kindserver.testing.DockerEngine;
import io.providerkind.kindserver.testing.KindDouble;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.ClusterPhase;
import io.providerkind.sdk.Progress;
import io.providerkind.testsupport.wait.Waits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A {@link KindClusterService} on the real Docker engine and the project's kind test double, advertising
 * 127.0.0.1 only. Each fixture makes cluster names of its own and removes their containers when closed.
 */
final class KindDoubleFixture implements AutoCloseable {

    static final String CONFIG = "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\n";

    final Path stateDir;
    final Path kind;
    final DockerClient docker;
    private final DockerClient dockerEvents = DockerClients.connectForEvents(Optional.empty());
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final PortRange ports;
    private final String prefix;
    private final Path runs;
    private final List<KindClusterService> services = new ArrayList<>();

    /**
     * @param stepSeconds the double's delay per step (KIND_DOUBLE_STEP_SECONDS)
     */
    KindDoubleFixture(Path workDir, PortRange ports, double stepSeconds) throws IOException {
        this(workDir, ports, stepSeconds, "ks");
    }

    /** With cluster names starting with {@code namePrefix} and a random part. */
    KindDoubleFixture(Path workDir, PortRange ports, double stepSeconds, String namePrefix) throws IOException {
        Path kindDouble = KindDouble.executable();
        this.prefix = namePrefix + UUID.randomUUID().toString().substring(0, 6);
        this.docker = DockerEngine.client();
        this.stateDir = Files.createDirectories(workDir.resolve("state"));
        this.ports = ports;
        this.runs = workDir.resolve("kind-runs");
        // the double takes its pace from the environment; a wrapper sets it without touching kindserver's code, and
        // notes each run's arguments (one line each) for tests of what kindserver asks of kind
        this.kind = workDir.resolve("kind");
        Files.writeString(
                kind,
                "#!/bin/sh\necho \"$*\" >> '" + runs + "'\nKIND_DOUBLE_STEP_SECONDS=" + stepSeconds + " exec '"
                        + kindDouble + "' \"$@\"\n");
        Files.setPosixFilePermissions(kind, PosixFilePermissions.fromString("rwx------"));
    }

    /** The arguments of every run of the fixture's kind so far, in order, one string each. */
    List<String> kindRuns() throws IOException {
        return Files.exists(runs) ? Files.readAllLines(runs) : List.of();
    }

    /** A unique cluster name for this fixture. */
    String name(String suffix) {
        return prefix + "-" + suffix;
    }

    ClusterServiceConfig config(int maxParallel) {
        return config(maxParallel, docker, dockerEvents);
    }

    /** With Docker reached through other clients (e.g. a DockerProxy's), which the caller closes. */
    ClusterServiceConfig config(int maxParallel, DockerClient calls, DockerClient events) {
        return new ClusterServiceConfig(
                kind,
                stateDir,
                Optional.of("127.0.0.1"),
                ports,
                maxParallel,
                calls,
                events,
                meters,
                Clock.systemUTC(),
                ClusterServiceConfig.Timeouts.defaults().withShutdownGrace(Duration.ofSeconds(2)));
    }

    /** A started service over the fixture's state dir. */
    KindClusterService start(int maxParallel) {
        return start(config(maxParallel));
    }

    KindClusterService start(ClusterServiceConfig config) {
        KindClusterService service = new KindClusterService(config);
        services.add(service);
        service.start();
        return service;
    }

    /**
     * Rewrites a Ready cluster's record as a kindserver killed after kind ended its last step, and before it
     * recorded Ready, leaves it: Creating, every step done, the pid of a kind process that is gone.
     */
    void recordCreateInterruptedAfterKindFinished(String name) throws IOException {
        Path record = stateDir.resolve("clusters").resolve(name + ".json");
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        ClusterRecord onDisk = json.readValue(record.toFile(), ClusterRecord.class);
        Files.write(
                record,
                json.writeValueAsBytes(new ClusterRecord(
                        onDisk.name(),
                        onDisk.kindConfig(),
                        onDisk.configHash(),
                        onDisk.apiServerPort(),
                        ClusterPhase.Creating,
                        new Progress(6, 6, "Installing StorageClass"),
                        null,
                        onDisk.createdAt(),
                        Instant.now(),
                        999_999_999L,
                        Instant.now(),
                        true,
                        onDisk.owner())));
    }

    /** The phase the cluster's record on disk says. */
    ClusterPhase recordedPhase(String name) throws IOException {
        Path record = stateDir.resolve("clusters").resolve(name + ".json");
        return new ObjectMapper()
                .findAndRegisterModules()
                .readValue(record.toFile(), ClusterRecord.class)
                .phase();
    }

    /** Polls until the cluster matches, failing with what was last seen. */
    ClusterInfo await(KindClusterService service, String name, Duration limit, Predicate<Optional<ClusterInfo>> until) {
        return await("cluster " + name + " to get where the test expects it", service, name, limit, until);
    }

    /** Polls until the cluster is in the phase; a Failed cluster that was to become something else fails at once. */
    ClusterInfo awaitPhase(KindClusterService service, String name, ClusterPhase phase) {
        return await("cluster " + name + " to be " + phase, service, name, Duration.ofSeconds(90), c -> {
            ClusterPhase now = c.map(ClusterInfo::phase).orElse(null);
            if (now == ClusterPhase.Failed && phase != ClusterPhase.Failed) {
                fail("cluster " + name + " failed while expected to become " + phase + ": "
                        + c.get().message());
            }
            return now == phase;
        });
    }

    void awaitGone(KindClusterService service, String name) {
        await("cluster " + name + " to be gone", service, name, Duration.ofSeconds(90), Optional::isEmpty);
    }

    private static ClusterInfo await(
            String what,
            KindClusterService service,
            String name,
            Duration limit,
            Predicate<Optional<ClusterInfo>> until) {
        return Waits.await(what)
                .atMost(limit)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> service.get(name), until)
                .orElse(null);
    }

    /**
     * Runs the fixture's kind directly, as a user makes or removes a cluster by hand; fails the test if kind fails.
     * Answers what kind printed (stdout and stderr together).
     */
    String runKind(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(kind.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            fail("kind " + String.join(" ", args) + " failed: " + output);
        }
        return output;
    }

    /** The node containers Docker has for a cluster, running or not. */
    List<Container> containers(String cluster) {
        return docker.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(List.of(NodeInspector.CLUSTER_LABEL + "=" + cluster))
                .exec();
    }

    @Override
    public void close() throws IOException {
        services.forEach(KindClusterService::close);
        for (Container container : docker.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(List.of(NodeInspector.CLUSTER_LABEL))
                .exec()) {
            String cluster = container.getLabels().get(NodeInspector.CLUSTER_LABEL);
            if (cluster != null && cluster.startsWith(prefix)) {
                docker.removeContainerCmd(container.getId())
                        .withForce(true)
                        .withRemoveVolumes(true)
                        .exec();
            }
        }
        docker.close();
        dockerEvents.close();
    }
}
