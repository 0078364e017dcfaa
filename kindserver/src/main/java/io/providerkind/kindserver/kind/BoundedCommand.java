package io.providerkind.kindserver.kind;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one short child process to its end, within a time limit: its input written, its stdout and stderr read at
 * once (a full pipe would block it), and it and its children stopped when the limit passes or the calling thread
 * is interrupted. kind's short commands and the commands kindserver runs in nodes go through here.
 */
final class BoundedCommand {

    /** How a command ended. */
    record Result(int exitCode, String out, String err) {}

    private final ChildEnvironment environment;

    BoundedCommand(ChildEnvironment environment) {
        this.environment = environment;
    }

    /**
     * @param what  how errors name the command, e.g. {@code kind get kubeconfig}
     * @param stdin what the command reads, closed after writing (empty: nothing)
     * @throws InterruptedException the calling thread was interrupted; the command was stopped
     */
    Result run(List<String> command, byte[] stdin, Duration timeout, String what)
            throws KindCommandException, InterruptedException {
        Process process;
        try {
            process = environment.processBuilder(command).start();
        } catch (IOException e) {
            throw new KindCommandException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        }
        try {
            StreamCollector stderr = new StreamCollector(process.getErrorStream(), "stderr-" + process.pid());
            StreamCollector stdout = new StreamCollector(process.getInputStream(), "stdout-" + process.pid());
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin);
            } catch (IOException e) {
                // the command exited before reading all of it; its exit code and output say why
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new KindCommandException(what + " did not finish within " + timeout);
            }
            return new Result(
                    process.exitValue(), stdout.text(CreateProcess.STOP_GRACE), stderr.text(CreateProcess.STOP_GRACE));
        } finally {
            if (process.isAlive()) {
                ProcessTree.destroy(process.toHandle(), CreateProcess.STOP_GRACE);
            }
        }
    }
}
