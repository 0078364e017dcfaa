package io.providerkind.kindserver.kind;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running {@code kind create cluster}. Its output is read on a thread of its own into a
 * {@link CreateTranscript}; {@link #cancel()} may be called from any thread (a delete during the create,
 * a shutdown) and stops kind with everything it started.
 */
public final class CreateProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CreateProcess.class);
    static final Duration STOP_GRACE = Duration.ofSeconds(5);
    static final String KUBECONFIG_FILE = "kubeconfig";

    private final ClusterName name;
    private final Process process;
    private final Path scratch;
    private final CreateTranscript transcript;
    private final Thread reader;
    private volatile boolean cancelled;

    CreateProcess(ClusterName name, Process process, Path scratch, CreateTranscript transcript) {
        this.name = name;
        this.process = process;
        this.scratch = scratch;
        this.transcript = transcript;
        this.reader = new Thread(this::readOutput, "kind-create-" + name);
        this.reader.setDaemon(true);
        this.reader.start();
    }

    public long pid() {
        return process.pid();
    }

    /** When the OS started the process; with the pid it identifies an orphan after a crash. */
    public Optional<Instant> startedAt() {
        return process.info().startInstant();
    }

    /** Waits for kind to end (stopping it after {@code timeout}) and tells how it ended. */
    public KindCreateResult await(Duration timeout) throws InterruptedException {
        boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!ended) {
            ProcessTree.destroy(process.toHandle(), STOP_GRACE);
        }
        reader.join(STOP_GRACE.toMillis());
        if (cancelled) {
            return new KindCreateResult.Cancelled();
        }
        if (!ended) {
            return new KindCreateResult.Failed("kind create cluster did not finish within " + timeout
                    + " and was stopped; last step: " + transcript.progress().text());
        }
        int exit = process.exitValue();
        return exit == 0
                ? new KindCreateResult.Created(writtenKubeconfig())
                : new KindCreateResult.Failed(transcript.failureMessage(exit));
    }

    /**
     * What kind wrote to its {@code --kubeconfig} (a file of its own in the scratch directory that {@link #close()}
     * removes): the cluster's kubeconfig as {@code kind get kubeconfig} would print it, without running kind again.
     */
    private Optional<String> writtenKubeconfig() {
        Path file = scratch.resolve(KUBECONFIG_FILE);
        try {
            return Kubeconfigs.writtenByCreate(Files.readString(file, StandardCharsets.UTF_8), name);
        } catch (IOException e) {
            LOG.debug("kind create cluster --name {} left no readable {}: {}", name, file, e.toString());
            return Optional.empty();
        }
    }

    /** Stops kind (and the docker commands it runs); {@link #await} then answers Cancelled. */
    public void cancel() {
        cancelled = true;
        if (process.isAlive()) {
            LOG.info("stopping kind create cluster --name {} (pid {})", name, process.pid());
            ProcessTree.destroy(process.toHandle(), STOP_GRACE);
        }
    }

    /** Never leaves kind running, and removes the temporary kubeconfig kind wrote. */
    @Override
    public void close() {
        if (process.isAlive()) {
            ProcessTree.destroy(process.toHandle(), STOP_GRACE);
        }
        Scratch.deleteQuietly(scratch);
    }

    private void readOutput() {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                LOG.debug("kind[{}]: {}", name, line);
                transcript.accept(line);
            }
        } catch (IOException | UncheckedIOException e) {
            // the stream closes when the process is stopped; the exit code tells the rest
            LOG.debug("output of kind create cluster --name {} ended: {}", name, e.toString());
        } catch (RuntimeException e) {
            LOG.warn("a progress listener failed for cluster {}", name, e);
        }
    }
}
