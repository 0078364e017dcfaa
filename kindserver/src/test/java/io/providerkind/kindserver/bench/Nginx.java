package io.providerkind.kindserver.bench;

import io.providerkind.testsupport.FreePort;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The reference server: Debian's nginx on 127.0.0.1 only, TLS 1.3 only, with kindserver's own certificate and key,
 * serving the very bytes kindserver answered for one cluster at the same path, to requests carrying the same
 * password (a string comparison; anything else is a 401). Access log off; keep-alive connections are never
 * closed by nginx within a run, as kindserver's are not.
 */
final class Nginx implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/sbin/nginx");

    private final Process process;
    private final int port;

    private Nginx(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * @param dir  a fresh directory for the config, the body and the logs (made readable to nginx's workers)
     * @param body what to answer on {@code path}
     */
    static Nginx serve(Path dir, Path certificate, Path key, String path, byte[] body, String password)
            throws IOException, InterruptedException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = dir.resolve("body.json");
        Files.write(file, body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        int port = FreePort.onLoopback();
        Path config = dir.resolve("nginx.conf");
        Files.writeString(config, config(dir, port, certificate, key, path, file, password));
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        Process nginx = new ProcessBuilder(List.of(
                        BINARY.toString(),
                        "-p",
                        dir.toString(),
                        "-c",
                        config.toString(),
                        "-e",
                        dir.resolve("error.log").toString()))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("nginx.out").toFile())
                .start();
        Nginx server = new Nginx(nginx, port);
        server.awaitListening(dir);
        return server;
    }

    int port() {
        return port;
    }

    /** The master's process id; its workers are its children. */
    long pid() {
        return process.pid();
    }

    private static String config(Path dir, int port, Path certificate, Path key, String path, Path file, String pw) {
        return String.join(
                "\n",
                "daemon off;",
                "worker_processes auto;",
                "pid " + dir.resolve("nginx.pid") + ";",
                "events { worker_connections 1024; }",
                "http {",
                "  access_log off;",
                "  client_body_temp_path " + dir.resolve("body") + ";",
                "  server {",
                "    listen 127.0.0.1:" + port + " ssl;",
                "    ssl_certificate " + certificate + ";",
                "    ssl_certificate_key " + key + ";",
                "    ssl_protocols TLSv1.3;",
                "    keepalive_requests 10000000;",
                "    keepalive_timeout 120s;",
                "    location = " + path + " {",
                "      if ($http_authorization != \"Bearer " + pw + "\") { return 401; }",
                "      default_type application/json;",
                "      alias " + file + ";",
                "    }",
                "  }",
                "}",
                "");
    }

    private void awaitListening(Path dir) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("nginx exited: " + Files.readString(dir.resolve("nginx.out")) + " "
                        + (Files.exists(dir.resolve("error.log")) ? Files.readString(dir.resolve("error.log")) : ""));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IOException("nginx does not listen on 127.0.0.1:" + port);
    }

    /** SIGTERM to the master, which stops its workers. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
