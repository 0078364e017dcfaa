package io.providerkind.install.scripts;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Git's own smart HTTP server, {@code git http-backend}, run as the CGI program it is behind a loopback HTTP server:
 * every bare repository under {@code root} is served at {@code url()/<name>.git}, read-only.
 */
final class GitHttpBackend implements AutoCloseable {

    private final HttpServer server;
    private final Path root;

    private GitHttpBackend(Path root) throws IOException {
        this.root = root;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.start();
    }

    static GitHttpBackend serving(Path root) {
        try {
            return new GitHttpBackend(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url(String repository) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + repository;
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            ProcessBuilder cgi =
                    new ProcessBuilder("git", "http-backend").redirectError(ProcessBuilder.Redirect.DISCARD);
            Map<String, String> env = cgi.environment();
            env.put("GIT_PROJECT_ROOT", root.toString());
            env.put("GIT_HTTP_EXPORT_ALL", "1");
            env.put("REQUEST_METHOD", exchange.getRequestMethod());
            env.put("PATH_INFO", exchange.getRequestURI().getPath());
            env.put(
                    "QUERY_STRING",
                    exchange.getRequestURI().getRawQuery() == null
                            ? ""
                            : exchange.getRequestURI().getRawQuery());
            env.put("CONTENT_TYPE", header(exchange, "Content-Type"));
            env.put("HTTP_CONTENT_ENCODING", header(exchange, "Content-Encoding"));
            env.put("HTTP_GIT_PROTOCOL", header(exchange, "Git-Protocol"));
            env.put("REMOTE_ADDR", "127.0.0.1");
            Process process = cgi.start();
            try (OutputStream in = process.getOutputStream();
                    InputStream body = exchange.getRequestBody()) {
                body.transferTo(in);
            }
            byte[] output = process.getInputStream().readAllBytes();
            reply(exchange, output);
        }
    }

    /** A CGI answer: header lines (Status: among them), an empty line, the body. */
    private static void reply(HttpExchange exchange, byte[] output) throws IOException {
        int end = headerEnd(output);
        int status = 200;
        for (String line : new String(output, 0, end, StandardCharsets.ISO_8859_1).split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Status")) {
                status = Integer.parseInt(value.split(" ")[0]);
            } else {
                exchange.getResponseHeaders().add(name, value);
            }
        }
        int bodyStart = end + (output[end] == '\r' ? 4 : 2);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(output, Math.min(bodyStart, output.length), Math.max(0, output.length - bodyStart));
        exchange.sendResponseHeaders(status, body.size() == 0 ? -1 : body.size());
        if (body.size() > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                body.writeTo(out);
            }
        }
    }

    private static int headerEnd(byte[] output) {
        for (int i = 0; i + 1 < output.length; i++) {
            if (output[i] == '\n' && output[i + 1] == '\n') {
                return i;
            }
            if (i + 3 < output.length
                    && output[i] == '\r'
                    && output[i + 1] == '\n'
                    && output[i + 2] == '\r'
                    && output[i + 3] == '\n') {
                return i;
            }
        }
        throw new IllegalStateException("git http-backend answered without a header end");
    }

    private static String header(HttpExchange exchange, String name) {
        String value = exchange.getRequestHeaders().getFirst(name);
        return value == null ? "" : value;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
