package io.providerkind.kindserver.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.providerkind.kindserver.testing.LogCapture;
import io.providerkind.testsupport.hostile.HostileYaml;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every class of bad input gets a 4xx JSON error that says what is wrong, and never reaches the service. */
class BadInputTest {

    private static final long MAX_BODY = 4096;
    private static final String GOOD_CONFIG = "kind: Cluster\\napiVersion: kind.x-k8s.io/v1alpha4\\n";
    /** As a hostile client writes JSON: every character that is not ASCII, half surrogate pairs too, escaped. */
    private static final ObjectMapper ASCII_JSON =
            JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private static ApiTestServer server;
    /** Takes the large hostile configs in, so that they reach the YAML reader rather than the body limit. */
    private static ApiTestServer roomy;

    @BeforeAll
    static void start() {
        server = ApiTestServer.start(MAX_BODY);
        roomy = ApiTestServer.start(8L * 1024 * 1024);
    }

    @AfterAll
    static void stop() {
        server.close();
        roomy.close();
    }

    @BeforeEach
    void noCallsYet() {
        assertTrue(
                server.clusters.calls().isEmpty(), "an earlier test reached the service: " + server.clusters.calls());
    }

    static Stream<Arguments> badRequests() {
        String good = "{\"kindConfig\":\"" + GOOD_CONFIG + "\"}";
        return Stream.of(
                Arguments.of("upper-case name", "POST", "/api/v1/kindserver/Dev", good, 400, "must consist of"),
                Arguments.of(
                        "name with a space", "POST", "/api/v1/kindserver/my%20cluster", good, 400, "must consist of"),
                Arguments.of(
                        "name with an encoded slash", "GET", "/api/v1/kindserver/a%2Fb", null, 400, "must consist of"),
                Arguments.of(
                        "name '..'",
                        "DELETE",
                        "/api/v1/kindserver/%2e%2e",
                        null,
                        400,
                        "must start with a letter or digit"),
                Arguments.of(
                        "name starting with '-'",
                        "POST",
                        "/api/v1/kindserver/-dev",
                        good,
                        400,
                        "must start with a letter or digit"),
                Arguments.of(
                        "name of 51 characters",
                        "POST",
                        "/api/v1/kindserver/" + "a".repeat(51),
                        good,
                        400,
                        "at most 50"),
                Arguments.of(
                        "non-YAML config",
                        "POST",
                        "/api/v1/kindserver/dev",
                        "{\"kindConfig\":\"kind: [unclosed\"}",
                        400,
                        "not valid YAML"),
                Arguments.of(
                        "deeply nested YAML",
                        "POST",
                        "/api/v1/kindserver/dev",
                        "{\"kindConfig\":\"" + "[".repeat(2000) + "\"}",
                        400,
                        "kindConfig"),
                Arguments.of(
                        "YAML of another kind",
                        "POST",
                        "/api/v1/kindserver/dev",
                        "{\"kindConfig\":\"kind: Pod\\napiVersion: kind.x-k8s.io/v1alpha4\\n\"}",
                        400,
                        "kind is 'Pod'"),
                Arguments.of(
                        "YAML of another apiVersion",
                        "POST",
                        "/api/v1/kindserver/dev",
                        "{\"kindConfig\":\"kind: Cluster\\napiVersion: kind.x-k8s.io/v1alpha3\\n\"}",
                        400,
                        "apiVersion"),
                Arguments.of(
                        "YAML list instead of a mapping",
                        "POST",
                        "/api/v1/kindserver/dev",
                        "{\"kindConfig\":\"- a\\n- b\"}",
                        400,
                        "kindConfig"),
                Arguments.of(
                        "missing kindConfig",
                        "POST",
                        "/api/v1/kindserver/dev",
                        "{\"config\":\"x\"}",
                        400,
                        "kindConfig is missing"),
                Arguments.of(
                        "null kindConfig",
                        "POST",
                        "/api/v1/kindserver/dev",
                        "{\"kindConfig\":null}",
                        400,
                        "kindConfig is missing"),
                Arguments.of(
                        "kindConfig an object",
                        "POST",
                        "/api/v1/kindserver/dev",
                        "{\"kindConfig\":{\"kind\":\"Cluster\"}}",
                        400,
                        "not valid JSON"),
                Arguments.of(
                        "owner longer than 253 characters",
                        "POST",
                        "/api/v1/kindserver/dev",
                        "{\"kindConfig\":\"" + GOOD_CONFIG + "\",\"owner\":\"" + "o".repeat(254) + "\"}",
                        400,
                        "owner must be 1 to 253 printable ASCII characters"),
                Arguments.of(
                        "owner with a control character",
                        "POST",
                        "/api/v1/kindserver/dev",
                        "{\"kindConfig\":\"" + GOOD_CONFIG + "\",\"owner\":\"a\\nb\"}",
                        400,
                        "owner must be"),
                Arguments.of(
                        "owner not ASCII",
                        "POST",
                        "/api/v1/kindserver/dev",
                        "{\"kindConfig\":\"" + GOOD_CONFIG + "\",\"owner\":\"caf\\u00e9\"}",
                        400,
                        "owner must be"),
                Arguments.of(
                        "empty owner",
                        "POST",
                        "/api/v1/kindserver/dev",
                        "{\"kindConfig\":\"" + GOOD_CONFIG + "\",\"owner\":\"\"}",
                        400,
                        "owner must be"),
                Arguments.of("empty body", "POST", "/api/v1/kindserver/dev", "", 400, "body is empty"),
                Arguments.of(
                        "malformed JSON", "POST", "/api/v1/kindserver/dev", "{\"kindConfig\": ", 400, "not valid JSON"),
                Arguments.of(
                        "JSON with trailing garbage",
                        "POST",
                        "/api/v1/kindserver/dev",
                        good + " {}",
                        400,
                        "not valid JSON"),
                Arguments.of("JSON array", "POST", "/api/v1/kindserver/dev", "[1,2]", 400, "not valid JSON"),
                Arguments.of(
                        "body too large",
                        "POST",
                        "/api/v1/kindserver/dev",
                        "{\"kindConfig\":\"" + "#".repeat((int) MAX_BODY) + "\"}",
                        413,
                        "larger than 4096 bytes"),
                Arguments.of("unknown route", "GET", "/api/v2/clusters", null, 404, "no route GET /api/v2/clusters"),
                Arguments.of(
                        "unknown route below the API", "GET", "/api/v1/kindserver/dev/nodes", null, 404, "no route"),
                Arguments.of(
                        "wrong method on a cluster", "PUT", "/api/v1/kindserver/dev", good, 405, "PUT is not allowed"),
                Arguments.of(
                        "wrong method on the list", "DELETE", "/api/v1/kindserver", null, 405, "DELETE is not allowed"),
                Arguments.of("wrong method on health", "POST", "/healthz", "{}", 405, "POST is not allowed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void answersBadInputWithA4xxJsonErrorThatNeverReachesTheService(
            String what, String method, String path, String body, int status, String messagePart) {
        try (LogCapture logs = new LogCapture()) {
            HttpResponse<String> response = server.call(method, path, body);

            assertEquals(status, response.statusCode(), what + ": " + response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), what);
            JsonNode error = server.json(response);
            assertFalse(error.path("error").asText().isEmpty(), what);
            assertFalse(
                    error.path("error").asText().equals("cluster_not_found"),
                    what + ": only an unknown cluster is that");
            assertTrue(error.path("message").asText().contains(messagePart), what + ": " + error);
            assertFalse(response.body().contains("Exception") || response.body().contains("\tat "), response.body());
            assertFalse(logs.text().contains("ERROR"), logs.text());
        }
        assertTrue(server.clusters.calls().isEmpty(), what + " reached the service: " + server.clusters.calls());
    }

    static Stream<HostileYaml.Case> hostileYaml() {
        return HostileYaml.corpus().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileYaml")
    void answersHostileYamlWith400NamingTheProblemAndLogsNoStackTrace(HostileYaml.Case hostile) throws Exception {
        byte[] body = ASCII_JSON.writeValueAsBytes(Map.of("kindConfig", hostile.yaml()));
        assertRefusedQuietly(roomy, body, hostile.refusal(), hostile.name());
    }

    /** Jackson refuses what is not UTF-8; what it decodes anyway, the YAML reader refuses as a character. */
    static Stream<Arguments> notUtf8() {
        return Stream.of(
                Arguments.of("a byte that starts no UTF-8 sequence", new byte[] {(byte) 0xff}, "UTF-8"),
                Arguments.of("a sequence cut short", new byte[] {(byte) 0xe2, (byte) 0x82}, "UTF-8"),
                Arguments.of("an overlong NUL", new byte[] {(byte) 0xc0, (byte) 0x80}, "U+0000"),
                Arguments.of(
                        "a half surrogate pair as UTF-8",
                        new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                        "U+D800"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notUtf8")
    void answersAConfigThatIsNotUtf8With400(String what, byte[] bad, String messagePart) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("{\"kindConfig\":\"" + GOOD_CONFIG + "name: a").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(bad);
        body.writeBytes("b\\n\"}".getBytes(StandardCharsets.US_ASCII));
        assertRefusedQuietly(server, body.toByteArray(), messagePart, what);
    }

    private static void assertRefusedQuietly(ApiTestServer to, byte[] body, String messagePart, String what) {
        HttpRequest request = HttpRequest.newBuilder(to.uri("/api/v1/kindserver/dev"))
                .header("Authorization", "Bearer " + ApiTestServer.PASSWORD)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try (LogCapture logs = new LogCapture()) {
            HttpResponse<String> response = to.send(request);

            assertEquals(400, response.statusCode(), what + ": " + response.body());
            JsonNode error = to.json(response);
            assertEquals("bad_request", error.path("error").asText(), what + ": " + error);
            assertTrue(error.path("message").asText().contains(messagePart), what + ": " + error);
            assertTrue(
                    logs.events().stream()
                            .allMatch(event -> event.getThrowableProxy() == null
                                    && !event.getLevel().isGreaterOrEqual(Level.WARN)),
                    what + " logged a warning or a stack trace:\n" + logs.text());
            assertFalse(logs.text().contains("Exception") || logs.text().contains("Error"), logs.text());
        }
        assertTrue(to.clusters.calls().isEmpty(), what + " reached the service: " + to.clusters.calls());
    }

    @Test
    void namesTheAllowedMethodsOfAWrongMethod() {
        HttpResponse<String> response = server.call("PATCH", "/api/v1/kindserver/dev", "{}");

        assertEquals(405, response.statusCode());
        String allow = response.headers().firstValue("Allow").orElse("");
        assertTrue(allow.contains("GET") && allow.contains("POST") && allow.contains("DELETE"), allow);
    }

    @Test
    void refusesAChunkedBodyOverTheLimitWhileReadingIt() {
        byte[] large = ("{\"kindConfig\":\"" + "#".repeat((int) MAX_BODY * 2) + "\"}").getBytes();
        HttpRequest request = HttpRequest.newBuilder(server.uri("/api/v1/kindserver/dev"))
                .header("Authorization", "Bearer " + ApiTestServer.PASSWORD)
                .timeout(Duration.ofSeconds(10))
                // an input stream has no known length, so the client sends it chunked, without Content-Length
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(large)))
                .build();

        HttpResponse<String> response = server.send(request);

        assertEquals(413, response.statusCode(), response.body());
        assertEquals("payload_too_large", server.json(response).path("error").asText());
        assertTrue(server.clusters.calls().isEmpty());
    }
}
