package io.providerkind.install.launch;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** A jar started as an operator starts it ({@code java -jar}), its output kept in a file. */
final class JarProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private JarProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static JarProcess start(Path jar, List<String> args, Map<String, String> environment, List<String> unset, Path log)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError(jar + " is missing: it is built by `make build` (mvn package)");
        }
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", jar.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        unset.forEach(builder.environment()::remove);
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        return new JarProcess(process, log);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Polls {@code check} until it gives a value or the process dies or the time is up. */
    <T> T await(String what, Duration timeout, Supplier<Optional<T>> check) throws InterruptedException {
        return Poll.until(what, timeout, this::exited, this::log, check);
    }

    private Optional<String> exited() {
        return process.isAlive() ? Optional.empty() : Optional.of("the process exited (" + process.exitValue() + ")");
    }

    /** Waits for the process to exit on its own. */
    int exitCode(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("still running after " + timeout + ":\n" + log());
        }
        return process.exitValue();
    }

    /** SIGTERM, as systemd or the kubelet stops it, and the exit code it then ends with. */
    int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        return exitCode(timeout);
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
