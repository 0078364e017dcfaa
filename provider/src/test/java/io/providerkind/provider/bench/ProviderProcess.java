package io.providerkind.provider.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One JVM started as the image starts it ({@link ImageLaunch}), timed from just before it is forked, its output in a
 * log file. The bench reads its resident memory from {@code /proc} and stops it with SIGTERM, as the kubelet does.
 */
final class ProviderProcess implements AutoCloseable {

    /** The unit of /proc's CPU times: 100 on every architecture Linux runs containers on. */
    private static final int USER_HZ = 100;

    private final Process process;
    private final long startedNanos;
    private final Path log;

    private ProviderProcess(Process process, long startedNanos, Path log) {
        this.process = process;
        this.startedNanos = startedNanos;
        this.log = log;
    }

    /** {@code java <flags> <arguments>} with the launch's JAVA_TOOL_OPTIONS and the given environment. */
    static ProviderProcess start(ImageLaunch launch, List<String> arguments, Map<String, String> environment, Path log)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(launch.jvmFlags());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        // nothing of this JVM's own options may leak into the measured one
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().remove("_JAVA_OPTIONS");
        builder.environment().put("JAVA_TOOL_OPTIONS", launch.javaToolOptions());
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().close();
        return new ProviderProcess(process, started, log);
    }

    long startedNanos() {
        return startedNanos;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Waits for the process to end on its own; the nanoTime it was seen gone. */
    long awaitExit(long timeoutSeconds) throws InterruptedException {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException("still running after " + timeoutSeconds + " s:\n" + log());
        }
        return System.nanoTime();
    }

    /** Resident set size now, in MiB, as the kernel counts it (VmRSS), which is what a pod's memory limit meets. */
    double rssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no VmRSS for process " + process.pid());
    }

    /** CPU time the process used so far (user and system), in ms: {@code /proc/<pid>/stat} in USER_HZ ticks. */
    double cpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            // the fields after the command name, which is in parentheses and may hold spaces
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 1000.0 / USER_HZ;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** SIGTERM, then SIGKILL if it has not stopped within the provider's own 25 s stop timeout and a margin. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(35, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
