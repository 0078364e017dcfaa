package io.providerkind.kindserver.kind;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The kind command line, run as a child process with an argument list (never through a shell). Every
 * command that could write a kubeconfig gets a temporary {@code --kubeconfig} in a private scratch
 * directory, so the operator's ~/.kube/config is never touched; configs go to kind on stdin
 * ({@code --config -}) and never to disk.
 */
public final class KindCli {

    private final Path kindBinary;
    private final Path scratchRoot;
    private final ChildEnvironment environment;

    /** kind with kindserver's own environment, minus its secrets ({@link ChildEnvironment#inherited()}). */
    public KindCli(Path kindBinary, Path scratchRoot) {
        this(kindBinary, scratchRoot, ChildEnvironment.inherited());
    }

    /**
     * @param kindBinary  the kind executable (a bare name is looked up on PATH)
     * @param scratchRoot directory for the private per-run scratch directories
     * @param environment what every kind process (and the docker commands it runs) gets as its environment
     */
    public KindCli(Path kindBinary, Path scratchRoot, ChildEnvironment environment) {
        this.kindBinary = kindBinary;
        this.scratchRoot = scratchRoot;
        this.environment = environment;
    }

    /** Removes scratch directories a crashed kindserver left behind (they may hold credentials). */
    public void cleanScratch() {
        Scratch.deleteQuietly(scratchRoot);
    }

    /** Starts {@code kind create cluster}; the returned process reports progress to the listener as kind works. */
    public CreateProcess startCreate(ClusterName name, String config, int expectedSteps, CreateListener listener)
            throws IOException {
        Path scratch = Scratch.create(scratchRoot, "create-" + name + "-");
        List<String> command = List.of(
                kindBinary.toString(),
                "create",
                "cluster",
                "--name",
                name.value(),
                "--config",
                "-",
                "--kubeconfig",
                scratch.resolve(CreateProcess.KUBECONFIG_FILE).toString());
        Process process;
        try {
            process = environment
                    .processBuilder(command)
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            Scratch.deleteQuietly(scratch);
            throw new IOException("cannot run " + kindBinary + ": " + e.getMessage(), e);
        }
        CreateProcess running =
                new CreateProcess(name, process, scratch, new CreateTranscript(expectedSteps, listener));
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(config.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // kind exited before reading its config; its output says why and await() reports it
        }
        return running;
    }

    /**
     * {@code kind delete cluster}: succeeds also when there is no such cluster, as kind does.
     *
     * @throws InterruptedException the calling thread was interrupted (kindserver is shutting down); kind was
     *     stopped, and that is no failure of the delete
     */
    public void deleteCluster(ClusterName name, Duration timeout) throws KindCommandException, InterruptedException {
        Path scratch = null;
        try {
            scratch = Scratch.create(scratchRoot, "delete-" + name + "-");
            run(
                    List.of(
                            "delete",
                            "cluster",
                            "--name",
                            name.value(),
                            "--kubeconfig",
                            scratch.resolve("kubeconfig").toString()),
                    timeout);
        } catch (IOException e) {
            throw new KindCommandException("cannot run kind delete cluster: " + e.getMessage(), e);
        } finally {
            Scratch.deleteQuietly(scratch);
        }
    }

    /** The cluster's kubeconfig as kind makes it for the host (the kind network's differs only in its server). */
    public String kubeconfig(ClusterName name, Duration timeout) throws KindCommandException {
        try {
            return run(List.of("get", "kubeconfig", "--name", name.value()), timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KindCommandException("kind get kubeconfig was interrupted", e);
        }
    }

    /**
     * {@code kind load docker-image --name N IMAGE}: copies an image of the Docker host into every node of the cluster
     * ({@code docker save}, then {@code ctr images import} in each node). An image missing on the host fails with
     * kind's own text ({@code image: "X" not present locally}).
     *
     * @throws InterruptedException the calling thread was interrupted (the load was cancelled); kind was stopped
     */
    public void loadDockerImage(ClusterName name, String image, Duration timeout)
            throws KindCommandException, InterruptedException {
        run(List.of("load", "docker-image", "--name", name.value(), image), timeout);
    }

    /**
     * Runs a short kind command and answers its stdout; a non-zero exit becomes kind's error text. An interrupt
     * stops kind and is passed on as it is, so that callers can tell a shutdown from a failure of kind.
     */
    private String run(List<String> args, Duration timeout) throws KindCommandException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(kindBinary.toString());
        command.addAll(args);
        String what = "kind " + String.join(" ", args.subList(0, 2));
        BoundedCommand.Result result = new BoundedCommand(environment).run(command, new byte[0], timeout, what);
        if (result.exitCode() != 0) {
            throw new KindCommandException(what + " failed: " + errorText(result.err(), result.exitCode()));
        }
        return result.out();
    }

    private static String errorText(String stderr, int exitCode) {
        String errors = stderr.lines()
                .map(String::strip)
                .filter(line -> line.startsWith("ERROR:"))
                .collect(Collectors.joining("\n"));
        if (!errors.isEmpty()) {
            return errors;
        }
        String tail = stderr.strip();
        return "exit code " + exitCode
                + (tail.isEmpty() ? "" : ": " + tail.substring(Math.max(0, tail.length() - 500)));
    }
}
