package io.providerkind.install.scripts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.providerkind.testsupport.JsonExchanges;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The few Forgejo API operations the stacks script calls, on 127.0.0.1, each request and answer checked against
 * Forgejo's vendored API description ({@link ForgejoOpenApi}; a mismatch is answered 599 and recorded, and
 * {@link #violations()} fails the test). A migration is done as Forgejo does it for a plain git source: the
 * repository is cloned from {@code clone_addr} with real git, into {@code repositories/<owner>/<name>.git}.
 */
final class LoopbackForgejo implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ForgejoOpenApi api;
    private final String authorization;
    private final Path repositories;
    private final Set<String> organizations = ConcurrentHashMap.newKeySet();
    private final Set<String> repos = ConcurrentHashMap.newKeySet();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final AtomicInteger unanswered;

    /**
     * @param unansweredFor how many requests are dropped first, the connection closed without an answer, as a Forgejo
     *     still starting behind its Service does
     */
    LoopbackForgejo(ForgejoOpenApi api, String user, String password, Path repositories, int unansweredFor) {
        this.api = api;
        this.authorization =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.repositories = repositories;
        this.unanswered = new AtomicInteger(unansweredFor);
        try {
            Files.createDirectories(repositories);
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v1/", this::serve);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void addOrganization(String name) {
        organizations.add(name);
    }

    /** Every request, as {@code METHOD /path} below /api/v1, in order. */
    List<String> calls() {
        return List.copyOf(calls);
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    Path repository(String fullName) {
        return repositories.resolve(fullName + ".git");
    }

    boolean hasRepository(String fullName) {
        return repos.contains(fullName);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath().substring("/api/v1".length());
            calls.add(method + " " + path);
            if (unanswered.getAndDecrement() > 0) {
                return;
            }
            byte[] raw = exchange.getRequestBody().readAllBytes();
            JsonNode body = raw.length == 0 ? null : JSON.readTree(raw);
            Answer answer;
            try {
                api.checkRequest(method, path, body);
                if (!authorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    send(exchange, 401, message("unauthorized"));
                    return;
                }
                answer = answer(method, path, body);
                api.checkResponse(method, path, answer.status(), answer.body());
            } catch (AssertionError e) {
                violations.add(e.getMessage());
                answer = new Answer(599, message(e.getMessage()));
            }
            send(exchange, answer.status(), answer.body());
        }
    }

    private record Answer(int status, JsonNode body) {}

    private Answer answer(String method, String path, JsonNode body) {
        String[] parts = path.split("/");
        if (path.equals("/version")) {
            return new Answer(200, JSON.createObjectNode().put("version", "10.0.2"));
        }
        if (method.equals("GET") && parts.length == 3 && parts[1].equals("orgs")) {
            return organizations.contains(parts[2])
                    ? new Answer(200, organization(parts[2]))
                    : new Answer(404, message("organization does not exist"));
        }
        if (method.equals("POST") && path.equals("/orgs")) {
            String name = body.path("username").asText();
            return organizations.add(name)
                    ? new Answer(201, organization(name))
                    : new Answer(422, message("organization already exists"));
        }
        if (method.equals("GET") && parts.length == 4 && parts[1].equals("repos")) {
            String fullName = parts[2] + "/" + parts[3];
            return repos.contains(fullName)
                    ? new Answer(200, repository(fullName, body))
                    : new Answer(404, message("repository does not exist"));
        }
        if (method.equals("POST") && path.equals("/repos/migrate")) {
            return migrate(body);
        }
        throw new AssertionError("the loopback Forgejo does not implement " + method + " " + path);
    }

    private Answer migrate(JsonNode options) {
        String owner = options.path("repo_owner").asText();
        String fullName = owner + "/" + options.path("repo_name").asText();
        if (repos.contains(fullName)) {
            return new Answer(409, message("The repository with the same name already exists."));
        }
        if (!organizations.contains(owner)) {
            return new Answer(422, message("owner " + owner + " does not exist"));
        }
        Git.Result clone = Git.run(
                repositories, "clone", "--mirror", options.path("clone_addr").asText(), fullName + ".git");
        if (clone.exitCode() != 0) {
            return new Answer(422, message("migration failed: " + clone.output()));
        }
        repos.add(fullName);
        return new Answer(201, repository(fullName, options));
    }

    private ObjectNode organization(String name) {
        return JSON.createObjectNode()
                .put("id", name.hashCode() & 0xffff)
                .put("name", name)
                .put("username", name)
                .put("visibility", "public");
    }

    private ObjectNode repository(String fullName, JsonNode options) {
        String[] parts = fullName.split("/");
        return JSON.createObjectNode()
                .put("id", fullName.hashCode() & 0xffff)
                .put("name", parts[1])
                .put("full_name", fullName)
                .put("clone_url", url() + "/" + fullName + ".git")
                .put("empty", false)
                .put("mirror", options != null && options.path("mirror").asBoolean(false))
                .put("private", options != null && options.path("private").asBoolean(false));
    }

    private static ObjectNode message(String text) {
        return JSON.createObjectNode().put("message", text);
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        JsonExchanges.send(exchange, status, JSON.writeValueAsBytes(body));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
