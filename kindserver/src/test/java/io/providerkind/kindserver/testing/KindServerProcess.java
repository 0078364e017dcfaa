package io.providerkind.kindserver.testing;

import io.providerkind.kindserver.KindServerMain;
import io.providerkind.sdk.KindServerClient;
import io.providerkind.sdk.KindServerClients;
import io.providerkind.testsupport.FreePort;
import io.providerkind.testsupport.process.JavaProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * kindserver as its own JVM, started exactly as operators start it ({@link KindServerMain} with flags and
 * {@code KINDSERVER_PASSWORD}), so a test can {@link #kill()} it with SIGKILL mid-operation: nothing gets to
 * clean up, as in a real crash. {@link #start()} again reuses the state dir and port.
 */
public final class KindServerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final Path stateDir;
    private Path kind;
    private final String password = "process-" + UUID.randomUUID();
    private final int port = FreePort.onLoopback();
    private final Path log;
    private final Map<String, String> environment = new HashMap<>();
    private final List<String> jvmOptions = new ArrayList<>();
    private JavaProcess process;

    public KindServerProcess(Path stateDir) {
        this.stateDir = stateDir;
        this.kind = KindDouble.executable();
        this.log = stateDir.resolveSibling(stateDir.getFileName() + "-kindserver.log");
    }

    /** An environment variable for kindserver and the kind processes it runs (e.g. the double's step time). */
    public KindServerProcess withEnvironment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Options for kindserver's JVM, e.g. those its systemd unit starts it with ({@link ServiceUnit}). */
    public KindServerProcess withJvmOptions(List<String> options) {
        jvmOptions.addAll(options);
        return this;
    }

    /** Another kind binary than the double itself, e.g. a {@link KindWrapper} around it. */
    public KindServerProcess withKind(Path binary) {
        this.kind = binary;
        return this;
    }

    /** The password kindserver is started with (in {@code KINDSERVER_PASSWORD}). */
    public String password() {
        return password;
    }

    /** Starts the JVM and waits until /healthz answers over HTTPS. */
    public KindServerProcess start() {
        if (process != null && process.alive()) {
            throw new IllegalStateException("already running");
        }
        Map<String, String> variables = new HashMap<>(environment);
        variables.put("KINDSERVER_PASSWORD", password);
        List<String> arguments = new ArrayList<>(jvmOptions);
        arguments.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                KindServerMain.class.getName(),
                "--listen",
                "127.0.0.1:" + port,
                "--state-dir",
                stateDir.toString(),
                "--kind",
                kind.toString(),
                "--advertise-address",
                "127.0.0.1"));
        try {
            process = JavaProcess.start(arguments, variables, List.of(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start kindserver", e);
        }
        process.await("kindserver answering /healthz over HTTPS", START_TIMEOUT, this::healthy);
        return this;
    }

    /** SIGKILL: the JVM and nothing else (its kind processes are orphaned, as in a real crash). */
    public void kill() throws InterruptedException {
        process.kill(Duration.ofSeconds(30));
    }

    /** SIGTERM, as systemd stops it; returns the exit code. */
    public int terminate() throws InterruptedException {
        return process.stop(STOP_TIMEOUT);
    }

    /** The running JVM's process id. */
    public long pid() {
        return process.pid();
    }

    /** The port kindserver listens on, on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** The state dir, where kindserver keeps its records and its TLS identity ({@code tls/}). */
    public Path stateDir() {
        return stateDir;
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
        return KindServerClients.builder()
                .endpoint(baseUrl())
                .password(password)
                .caBundlePem(caPem())
                .requestTimeout(Duration.ofSeconds(30))
                .build();
    }

    /**
     * One HTTPS request with the password, for what the SDK does not show (an answer's error code).
     *
     * @param path below the server's root, e.g. {@code /readyz} or {@code /api/v1/kindserver/dev}
     * @param json the body, or null for none
     */
    public HttpResponse<String> send(String method, String path, String json) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + password)
                .timeout(Duration.ofSeconds(30));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        try {
            return TrustingClients.httpClient(caPem()).send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Everything the process logged, for assertions and failure messages. */
    public String log() {
        return process == null ? "" : process.log();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.alive()) {
            terminate();
        }
    }

    private Optional<Boolean> healthy() {
        if (!Files.exists(stateDir.resolve("tls/kindserver.crt"))) {
            return Optional.empty();
        }
        try {
            HttpResponse<Void> health = TrustingClients.httpClient(caPem())
                    .send(
                            HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/healthz"))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            return health.statusCode() == 200 ? Optional.of(true) : Optional.empty();
        } catch (IOException notYet) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
