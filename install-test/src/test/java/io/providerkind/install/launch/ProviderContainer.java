package io.providerkind.install.launch;

import io.providerkind.testsupport.process.DockerCli;
import io.providerkind.testsupport.wait.RunningProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * provider-kind's image run as a container on the engine's host network, with a kubeconfig mounted in:
 * it reaches an API server on this machine's loopback and serves its metrics port on loopback only.
 */
final class ProviderContainer implements AutoCloseable {

    private static final String KUBECONFIG = "/var/run/provider-kind/kubeconfig";

    /** One process of the container, as {@code ps} on the engine's host sees it. */
    record ProcessOwner(int uid, int gid, String command) {}

    private final DockerCli docker;
    private final String name;

    private ProviderContainer(DockerCli docker, String name) {
        this.docker = docker;
        this.name = name;
    }

    static ProviderContainer start(DockerCli docker, String image, Path kubeconfig, int metricsPort)
            throws IOException {
        return start(docker, image, kubeconfig, metricsPort, List.of());
    }

    /** {@link #start(DockerCli, String, Path, int)} with {@code environment} ({@code NAME=value}) added. */
    static ProviderContainer start(
            DockerCli docker, String image, Path kubeconfig, int metricsPort, List<String> environment)
            throws IOException {
        String name = "provider-kind-image-it-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        List<String> run = new ArrayList<>(List.of(
                "run",
                "--detach",
                "--name",
                name,
                "--network",
                "host",
                "--mount",
                "type=bind,source=" + kubeconfig.toAbsolutePath() + ",target=" + KUBECONFIG + ",readonly",
                "--env",
                "KUBECONFIG=" + KUBECONFIG,
                // as Crossplane sets it in a provider's pod
                "--env",
                "POD_NAMESPACE=" + CrossplaneNamespace.NAME));
        environment.forEach(variable -> run.addAll(List.of("--env", variable)));
        run.addAll(List.of(image, "--metrics-bind-address", "127.0.0.1:" + metricsPort));
        docker.check(run.toArray(String[]::new));
        return new ProviderContainer(docker, name);
    }

    /** Polls {@code check} until it gives a value; fails at once when the container stops first. */
    <T> T await(String what, Duration timeout, Supplier<Optional<T>> check) {
        return new RunningProcess(this::exited, this::log).await(what, timeout, check);
    }

    /** The container's processes with the user and group they run as. */
    List<ProcessOwner> processes() throws IOException {
        // docker top needs the pid column to tell the container's processes apart
        String table = docker.check("top", name, "-o", "pid,uid,gid,args");
        return table.lines()
                .skip(1)
                .map(line -> line.trim().split("\\s+", 4))
                .map(f -> new ProcessOwner(Integer.parseInt(f[1]), Integer.parseInt(f[2]), f.length > 3 ? f[3] : ""))
                .toList();
    }

    /** {@code docker stop}: SIGTERM to the entrypoint, as the kubelet stops a pod, and the exit code it ends with. */
    int stop(Duration timeout) throws IOException {
        docker.check("stop", "--time", Long.toString(timeout.toSeconds()), name);
        return Integer.parseInt(docker.check("inspect", "--format", "{{.State.ExitCode}}", name));
    }

    String log() {
        try {
            DockerCli.Result logs = docker.run("logs", name);
            return logs.out() + logs.err();
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws IOException {
        docker.run("rm", "--force", "--volumes", name);
    }

    private Optional<String> exited() {
        try {
            DockerCli.Result state = docker.run("inspect", "--format", "{{.State.Running}} {{.State.ExitCode}}", name);
            if (state.exitCode() != 0) {
                return Optional.of("the container is gone (" + state.err().trim() + ")");
            }
            String[] runningAndExitCode = state.out().trim().split(" ");
            return Boolean.parseBoolean(runningAndExitCode[0])
                    ? Optional.empty()
                    : Optional.of("the container exited (" + runningAndExitCode[1] + ")");
        } catch (IOException e) {
            return Optional.of("the docker CLI failed (" + e.getMessage() + ")");
        }
    }
}
