package io.providerkind.testsupport.process;

import io.providerkind.testsupport.wait.RunningProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A JVM of its own, started as an operator starts one ({@code java -jar ...}, {@code java -cp ... Main}), its
 * output appended to a log file: what a test needs to see a program start, answer, and stop on SIGTERM or die
 * on SIGKILL as in a real crash.
 */
public final class JavaProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private JavaProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * @param arguments   what follows {@code java}
     * @param environment added to this JVM's environment, after {@code unset} is removed from it
     * @param log         the file its standard output and error are appended to (a restart keeps what came before)
     */
    public static JavaProcess start(
            List<String> arguments, Map<String, String> environment, List<String> unset, Path log) throws IOException {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        unset.forEach(builder.environment()::remove);
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        return new JavaProcess(process, log);
    }

    /** Polls {@code answer} until it gives a value; fails at once when the process exits first. */
    public <T> T await(String what, Duration timeout, Supplier<Optional<T>> answer) {
        return new RunningProcess(this::exited, this::log).await(what, timeout, answer);
    }

    /** The operating system's id of the JVM, e.g. to attach to it for its own measurements. */
    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Waits for the process to exit on its own. */
    public int exitCode(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("still running " + timeout + " later:\n" + log());
        }
        return process.exitValue();
    }

    /** SIGTERM, as systemd or the kubelet stops it, and the exit code it then ends with. */
    public int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        return exitCode(timeout);
    }

    /** SIGKILL: this JVM and nothing else (its own children are orphaned, as in a real crash). */
    public void kill(Duration timeout) throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Everything the process logged, for assertions and failure messages. */
    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** SIGKILL if it still runs: a test that failed half-way leaves nothing behind. */
    @Override
    public void close() {
        process.destroyForcibly();
    }

    private Optional<String> exited() {
        return process.isAlive() ? Optional.empty() : Optional.of("the process exited (" + process.exitValue() + ")");
    }
}
