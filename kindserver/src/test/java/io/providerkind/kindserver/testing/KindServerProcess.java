package io.providerkind.kindserver.testing;

import io.providerkind.kindserver.KindServerMain;
import io.providerkind.sdk.KindServerClient;
import io.providerkind.sdk.KindServerClients;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * kindserver as its own JVM, started exactly as operators start it ({@link KindServerMain} with flags and
 * {@code KINDSERVER_PASSWORD}), so a test can {@link #kill()} it with SIGKILL mid-operation: nothing gets to
 * clean up, as in a real crash. {@link #start()} again reuses the state dir and port.
 */
public final class KindServerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path stateDir;
    private final Path kind;
    private final String password = "process-" + Long.toHexString(System.nanoTime());
    private final int port = freePort();
    private final Path log;
    private final java.util.Map<String, String> environment = new java.util.HashMap<>();
    private Process process;

    public KindServerProcess(Path stateDir) {
        RealParts.requireDocker();
        this.stateDir = stateDir;
        this.kind = RealParts.kindDouble();
        this.log = stateDir.resolveSibling(stateDir.getFileName() + "-kindserver.log");
    }

    /** An environment variable for kindserver and the kind processes it runs (e.g. the double's step time). */
    public KindServerProcess withEnvironment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Starts the JVM and waits until /healthz answers over HTTPS. */
    public KindServerProcess start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                KindServerMain.class.getName(),
                "--listen", "127.0.0.1:" + port,
                "--state-dir", stateDir.toString(),
                "--kind", kind.toString(),
                "--advertise-address", "127.0.0.1"));
        builder.environment().putAll(environment);
        builder.environment().put("KINDSERVER_PASSWORD", password);
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start kindserver", e);
        }
        awaitHealthy();
        return this;
    }

    /** SIGKILL: the JVM and nothing else (its kind processes are orphaned, as in a real crash). */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as systemd stops it; returns the exit code. */
    public int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("kindserver did not stop within 60 s of SIGTERM; log:\n" + log());
        }
        return process.exitValue();
    }

    public URI baseUrl() {
        return URI.create("https://127.0.0.1:" + port + "/api/v1/kindserver");
    }

    public String caPem() {
        try {
            return Files.readString(stateDir.resolve("tls/kindserver.crt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public KindServerClient client() {
        return KindServerClients.builder().endpoint(baseUrl()).password(password).caBundlePem(caPem())
                .requestTimeout(Duration.ofSeconds(30)).build();
    }

    /** Everything the process logged, for assertions and failure messages. */
    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            terminate();
        }
    }

    private void awaitHealthy() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("kindserver exited with " + process.exitValue() + "; log:\n" + log());
            }
            if (Files.exists(stateDir.resolve("tls/kindserver.crt"))) {
                try {
                    HttpResponse<Void> health = TrustingClients.httpClient(caPem()).send(
                            HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/healthz"))
                                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                    if (health.statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            sleep();
        }
        throw new IllegalStateException("kindserver did not answer /healthz within " + START_TIMEOUT + "; log:\n" + log());
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
