package io.providerkind.provider.bench;

import io.providerkind.testsupport.process.JavaProcess;
import io.providerkind.testsupport.process.ProcessUsage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One JVM started as the image starts it ({@link ImageLaunch}), timed from just before it is forked, its output in a
 * log file. The bench reads its CPU time and resident memory ({@link ProcessUsage}) and stops it with SIGTERM, as the
 * kubelet does.
 */
final class ProviderProcess implements AutoCloseable {

    /** Nothing of the bench's own JVM options may leak into the measured one. */
    private static final List<String> UNSET = List.of("JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");
    /** The provider's own 25 s stop timeout and a margin, then SIGKILL. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(35);

    private final JavaProcess process;
    private final long startedNanos;

    private ProviderProcess(JavaProcess process, long startedNanos) {
        this.process = process;
        this.startedNanos = startedNanos;
    }

    /** {@code java <flags> <arguments>} with the launch's JAVA_TOOL_OPTIONS and the given environment. */
    static ProviderProcess start(ImageLaunch launch, List<String> arguments, Map<String, String> environment, Path log)
            throws IOException {
        List<String> command = new ArrayList<>(launch.jvmFlags());
        command.addAll(arguments);
        Map<String, String> env = new HashMap<>(environment);
        env.put("JAVA_TOOL_OPTIONS", launch.javaToolOptions());
        long started = System.nanoTime();
        return new ProviderProcess(JavaProcess.start(command, env, UNSET, log), started);
    }

    long startedNanos() {
        return startedNanos;
    }

    boolean alive() {
        return process.alive();
    }

    /** Waits for the process to end on its own; the nanoTime it was seen gone. */
    long awaitExit(long timeoutSeconds) throws InterruptedException {
        process.exitCode(Duration.ofSeconds(timeoutSeconds));
        return System.nanoTime();
    }

    /** Resident set size now, in MiB. */
    double rssMiB() throws IOException {
        return ProcessUsage.residentBytes(process.pid()) / (1024.0 * 1024.0);
    }

    /** CPU time the process used so far (user and system), in ms. */
    double cpuMillis() throws IOException {
        return ProcessUsage.cpuNanos(process.pid()) / 1e6;
    }

    String log() {
        return process.log();
    }

    /** SIGTERM, then SIGKILL if it has not stopped in time. */
    @Override
    public void close() throws InterruptedException {
        try {
            process.stop(STOP_TIMEOUT);
        } catch (AssertionError stillRunning) {
            process.close();
        }
    }
}
