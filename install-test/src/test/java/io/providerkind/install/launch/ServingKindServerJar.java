package io.providerkind.install.launch;

import io.providerkind.install.RepositoryPaths;
import io.providerkind.testsupport.FreePort;
import io.providerkind.testsupport.process.JavaProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * kindserver.jar started as the README starts it (a password in {@code KINDSERVER_PASSWORD}, no certificate of
 * its own, loopback only, the kind test double) and serving: the ITs that probe the real jar start it here.
 */
final class ServingKindServerJar implements AutoCloseable {

    private final JavaProcess process;
    private final int port;
    private final Path stateDir;

    private ServingKindServerJar(JavaProcess process, int port, Path stateDir) {
        this.process = process;
        this.port = port;
        this.stateDir = stateDir;
    }

    /** Starts it with its state and log in {@code work} and waits until it listens; {@code flags} are added. */
    static ServingKindServerJar start(Path work, String password, String... flags) throws IOException {
        RepositoryPaths paths = RepositoryPaths.locate();
        int port = FreePort.onLoopback();
        Path state = work.resolve("state");
        List<String> args = new ArrayList<>(List.of(
                "--listen",
                "127.0.0.1:" + port,
                "--state-dir",
                state.toString(),
                "--advertise-address",
                "127.0.0.1",
                "--kind",
                paths.kindDouble().toString()));
        args.addAll(List.of(flags));
        JavaProcess process = new PackagedJar(paths.kindserverJar())
                .start(args, Map.of("KINDSERVER_PASSWORD", password), List.of(), work.resolve("kindserver.log"));
        ServingKindServerJar jar = new ServingKindServerJar(process, port, state);
        try {
            process.await("kindserver listening on " + port, Duration.ofSeconds(60), () -> Http.listening(port));
        } catch (RuntimeException | Error e) {
            jar.close();
            throw e;
        }
        return jar;
    }

    JavaProcess process() {
        return process;
    }

    int port() {
        return port;
    }

    /** {@code https://127.0.0.1:<port>} */
    String base() {
        return "https://127.0.0.1:" + port;
    }

    Path stateDir() {
        return stateDir;
    }

    /** The self-signed certificate it made in its state dir, which clients trust. */
    Path certificate() {
        return stateDir.resolve("tls/kindserver.crt");
    }

    String log() {
        return process.log();
    }

    @Override
    public void close() {
        process.close();
    }
}
