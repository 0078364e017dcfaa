package io.providerkind.kindserver.testing;

import io.providerkind.kindserver.KindServer;
import io.providerkind.kindserver.KindServerLauncher;
import io.providerkind.kindserver.api.Password;
import io.providerkind.kindserver.clusters.ClusterServiceConfig;
import io.providerkind.kindserver.config.KindServerSettings;
import io.providerkind.kindserver.config.ListenAddress;
import io.providerkind.kindserver.config.RegistrySettings;
import io.providerkind.kindserver.docker.DockerClients;
import io.providerkind.kindserver.net.PortRange;
import io.providerkind.sdk.KindServerClient;
import io.providerkind.sdk.KindServerClients;
import io.providerkind.testsupport.wait.Waits;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A complete kindserver started in-process for tests: HTTPS on 127.0.0.1 (an ephemeral port, kept across
 * restarts), its self-signed certificate, the given state dir, advertise address 127.0.0.1, the real Docker
 * engine and the project's kind test double. Exposes what a client needs (URL, password, CA bundle) and a
 * ready SDK client. {@link #restart()} stops gracefully and starts again on the same state dir and port;
 * for a crash (SIGKILL) use {@link KindServerProcess}.
 *
 * <pre>{@code
 * try (KindServerFixture kindserver = KindServerFixture.start(tempDir)) {
 *     kindserver.client().create("dev", kindConfig);
 * }
 * }</pre>
 */
public final class KindServerFixture implements AutoCloseable {

    /** Short enough that a test stopping mid-create does not wait long, long enough for the double. */
    public static final ClusterServiceConfig.Timeouts TIMEOUTS =
            ClusterServiceConfig.Timeouts.defaults().withCreate(Duration.ofMinutes(5));

    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    private final Path stateDir;
    private final String password;
    private final Path kind;
    private final int maxParallelCreates;
    private final Optional<RegistrySettings> registry;
    private KindServer server;
    private int port;
    private String caPem;

    private KindServerFixture(
            Path stateDir, String password, Path kind, int maxParallelCreates, Optional<RegistrySettings> registry) {
        this.stateDir = stateDir;
        this.password = password;
        this.kind = kind;
        this.maxParallelCreates = maxParallelCreates;
        this.registry = registry;
    }

    /** Starts kindserver on {@code stateDir}; skips (fails in CI) when Docker or the kind double is missing. */
    public static KindServerFixture start(Path stateDir) {
        return start(stateDir, ClusterServiceConfig.DEFAULT_MAX_PARALLEL_CREATES);
    }

    public static KindServerFixture start(Path stateDir, int maxParallelCreates) {
        return start(stateDir, maxParallelCreates, Optional.empty());
    }

    /** Starts kindserver running the local registry {@code registry} (its container named with the tests' prefix). */
    public static KindServerFixture start(Path stateDir, RegistrySettings registry) {
        return start(stateDir, ClusterServiceConfig.DEFAULT_MAX_PARALLEL_CREATES, Optional.of(registry));
    }

    private static KindServerFixture start(Path stateDir, int maxParallelCreates, Optional<RegistrySettings> registry) {
        KindServerFixture fixture = new KindServerFixture(
                stateDir, randomPassword(), KindDouble.executable(), maxParallelCreates, registry);
        fixture.launch(0);
        return fixture;
    }

    /** The API's base URL, as a ProviderConfig's {@code spec.endpoint.url} would hold it. */
    public URI baseUrl() {
        return URI.create("https://127.0.0.1:" + port + "/api/v1/kindserver");
    }

    /** The server's root URL, for /healthz, /readyz, /metrics and /openapi.json. */
    public URI serverUrl() {
        return URI.create("https://127.0.0.1:" + port);
    }

    public String password() {
        return password;
    }

    /** kindserver's self-signed certificate as PEM: the CA bundle clients trust it with. */
    public String caPem() {
        return caPem;
    }

    public Path stateDir() {
        return stateDir;
    }

    public Path kindBinary() {
        return kind;
    }

    /** A new SDK client configured for this kindserver (CA bundle, password, short timeouts). */
    public KindServerClient client() {
        return KindServerClients.builder()
                .endpoint(baseUrl())
                .password(password)
                .caBundlePem(caPem())
                .connectTimeout(Duration.ofSeconds(5))
                .requestTimeout(Duration.ofSeconds(30))
                .build();
    }

    /** Graceful stop, as SIGTERM does it; {@link #restart()} starts it again. */
    /**
     * Deletes the clusters a test made, those {@code ours} names, and waits until they are gone. Never every cluster
     * kindserver lists: it lists every kind cluster on the Docker engine, others' included.
     */
    public void deleteClusters(Predicate<String> ours, Duration within) {
        client().list().stream().map(c -> c.name()).filter(ours).forEach(name -> client().delete(name));
        Waits.await("kindserver deleted the clusters the tests left")
                .atMost(within)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> client().list().stream().map(c -> c.name()).noneMatch(ours));
    }

    public void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** Stops (if running) and starts again on the same state dir and port. */
    public void restart() {
        stop();
        launch(port);
    }

    @Override
    public void close() {
        stop();
    }

    private void launch(int listenPort) {
        KindServerSettings settings = new KindServerSettings(
                new ListenAddress("127.0.0.1", listenPort),
                Password.of(password),
                Optional.empty(),
                stateDir,
                kind.toString(),
                Optional.of("127.0.0.1"),
                new PortRange(36443, 36999),
                maxParallelCreates,
                1024 * 1024,
                false,
                registry,
                DockerClients.DEFAULT_RESPONSE_TIMEOUT,
                SHUTDOWN_GRACE);
        server = new KindServerLauncher(Clock.systemUTC(), TIMEOUTS).launch(settings);
        port = server.port();
        caPem = server.tls().certificatePem();
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
