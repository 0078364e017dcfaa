package io.providerkind.kindserver.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.providerkind.kindserver.testing.LogCapture;
import io.providerkind.kindserver.testing.ManualClock;
import io.providerkind.testsupport.tls.HttpsFrom;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthenticationTest {

    /** A second client on this host: Linux routes all of 127.0.0.0/8 to the loopback interface. */
    private static final InetAddress OTHER_CLIENT = loopback(2);

    private static final int BUDGET = AuthenticationThrottle.Policy.defaults().budget();

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    // one server per test: wrong passwords of one test must not block the next one's address
    private ApiTestServer server;

    @BeforeEach
    void start() {
        server = ApiTestServer.start(clock);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static InetAddress loopback(int last) {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private HttpsFrom.Answer fromOtherClient(String rawPath, String authorization) throws IOException {
        return HttpsFrom.get(
                server.tls.certificatePem(), OTHER_CLIENT, server.uri(rawPath), Map.of("Authorization", authorization));
    }

    @Test
    void afterTheBudgetOfWrongPasswordsAnAddressGets429WithRetryAfterAndIsCountedInMetrics() throws IOException {
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> last = null;
        for (int i = 0; i < 30; i++) {
            last = server.send("GET", ApiPaths.CLUSTERS, null, "Bearer wrong-guess-" + i);
            statuses.add(last.statusCode());
        }

        assertEquals(Collections.nCopies(BUDGET, 401), statuses.subList(0, BUDGET), statuses.toString());
        assertEquals(Collections.nCopies(30 - BUDGET, 429), statuses.subList(BUDGET, 30), statuses.toString());
        assertEquals("1", last.headers().firstValue("Retry-After").orElse(""));
        assertEquals("too_many_requests", server.json(last).path("error").asText());
        assertTrue(server.json(last).path("message").asText().contains("retry after 1 s"), last.body());

        HttpsFrom.Answer metrics = fromOtherClient(ApiPaths.METRICS, "Bearer " + ApiTestServer.PASSWORD);
        assertEquals(200, metrics.status(), "the right password from another address is unaffected");
        assertTrue(
                metrics.body().contains("kindserver_authentication_failures_total " + BUDGET + ".0"), metrics.body());
        assertTrue(
                metrics.body().contains("kindserver_authentication_throttled_total " + (30 - BUDGET) + ".0"),
                metrics.body());
    }

    @Test
    void aBlockedAddressIsRefusedEvenTheRightPasswordUntilTheBlockEndsWhileOthersAreServed() throws IOException {
        for (int i = 0; i < BUDGET; i++) {
            server.send("GET", ApiPaths.CLUSTERS, null, "Bearer wrong-" + i);
        }

        HttpResponse<String> blocked = server.call("GET", ApiPaths.CLUSTERS, null);
        assertEquals(429, blocked.statusCode(), "the right password must not tell a guesser it was right");
        assertEquals("1", blocked.headers().firstValue("Retry-After").orElse(""));
        assertEquals(429, server.send("GET", ApiPaths.CLUSTERS, null, null).statusCode());
        assertEquals(
                200,
                fromOtherClient(ApiPaths.CLUSTERS, "Bearer " + ApiTestServer.PASSWORD)
                        .status());
        assertEquals(401, fromOtherClient(ApiPaths.CLUSTERS, "Bearer wrong").status(), "its own budget");
        assertEquals(200, server.send("GET", ApiPaths.HEALTHZ, null, null).statusCode(), "health is public");
        assertEquals(200, server.send("GET", ApiPaths.READYZ, null, null).statusCode(), "readiness is public");

        clock.advance(Duration.ofSeconds(1));

        assertEquals(200, server.call("GET", ApiPaths.CLUSTERS, null).statusCode(), "the block has ended");
    }

    @Test
    void theRightPasswordResetsTheAddressAndAWrongOneAfterABlockDoublesIt() {
        for (int i = 0; i < BUDGET; i++) {
            server.send("GET", ApiPaths.CLUSTERS, null, "Bearer wrong-" + i);
        }
        clock.advance(Duration.ofSeconds(1));
        server.send("GET", ApiPaths.CLUSTERS, null, "Bearer one-more-guess");
        assertEquals(
                "2",
                server.call("GET", ApiPaths.CLUSTERS, null)
                        .headers()
                        .firstValue("Retry-After")
                        .orElse(""),
                "one more wrong password after a block doubles it");
        clock.advance(Duration.ofSeconds(2));

        assertEquals(200, server.call("GET", ApiPaths.CLUSTERS, null).statusCode());
        for (int i = 0; i < BUDGET; i++) {
            assertEquals(
                    401,
                    server.send("GET", ApiPaths.CLUSTERS, null, "Bearer another-guess-" + i)
                            .statusCode(),
                    "a fresh budget after the right password");
        }
        assertEquals(
                "1",
                server.call("GET", ApiPaths.CLUSTERS, null)
                        .headers()
                        .firstValue("Retry-After")
                        .orElse(""),
                "and the first block again");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Bearer " + ApiTestServer.PASSWORD,
                "bearer " + ApiTestServer.PASSWORD,
                ApiTestServer.PASSWORD,
                "  Bearer   " + ApiTestServer.PASSWORD + " "
            })
    void acceptsThePasswordAsBearerOrBare(String authorization) {
        HttpResponse<String> response = server.send("GET", ApiPaths.CLUSTERS, null, authorization);

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(server.json(response).has("clusters"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Bearer wrong",
                "wrong",
                "Bearer " + ApiTestServer.PASSWORD + "x",
                "Bearer " + "s3cret",
                "Basic czNjcmV0",
                "Bearer"
            })
    void refusesAWrongPasswordWithAChallengeAndJson(String authorization) {
        HttpResponse<String> response = server.send("GET", ApiPaths.CLUSTERS, null, authorization);

        assertEquals(401, response.statusCode());
        assertTrue(
                response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer realm=\"kindserver\""));
        assertEquals("unauthorized", server.json(response).path("error").asText());
        assertTrue(server.json(response).path("message").asText().contains("wrong password"));
    }

    @Test
    void refusesAMissingPasswordWithAChallengeSayingHowToSendIt() {
        HttpResponse<String> response = server.send("GET", ApiPaths.CLUSTERS, null, null);

        assertEquals(401, response.statusCode());
        assertEquals(
                "Bearer realm=\"kindserver\"",
                response.headers().firstValue("WWW-Authenticate").orElse(""));
        assertTrue(server.json(response).path("message").asText().contains("Authorization: Bearer <password>"));
    }

    @Test
    void refusedCallsNeverReachTheClusterService() {
        server.send("POST", "/api/v1/kindserver/dev", "{\"kindConfig\":\"kind: Cluster\"}", "Bearer nope");
        server.send("DELETE", "/api/v1/kindserver/dev", null, null);
        server.send("GET", "/api/v1/kindserver/dev", null, "nope");

        assertTrue(
                server.clusters.calls().stream().noneMatch(call -> "dev".equals(call.name())),
                server.clusters.calls().toString());
    }

    @Test
    void everyRouteButHealthNeedsThePassword() {
        for (Route route : server.api.routes()) {
            String path = route.path().replace("{name}", "dev");
            HttpResponse<String> response = server.send(route.method().name(), path, "{}", null);
            if (route.access() == Access.PUBLIC) {
                assertTrue(response.statusCode() != 401, route + " answered 401");
            } else {
                assertEquals(401, response.statusCode(), route.method() + " " + route.path());
            }
        }
        assertEquals(401, server.send("GET", ApiPaths.OPENAPI, null, null).statusCode());
    }

    @Test
    void healthAnswersWithoutPasswordAndReadinessFollowsTheService() {
        assertEquals(200, server.send("GET", ApiPaths.HEALTHZ, null, null).statusCode());
        assertEquals(200, server.send("GET", ApiPaths.READYZ, null, null).statusCode());

        server.clusters.ready(false);
        try {
            HttpResponse<String> notReady = server.send("GET", ApiPaths.READYZ, null, null);
            assertEquals(503, notReady.statusCode());
            assertEquals("not_ready", server.json(notReady).path("error").asText());
        } finally {
            server.clusters.ready(true);
        }
    }

    @Test
    void thePasswordAppearsInNoResponseAndNoLogLine() {
        String almost = ApiTestServer.PASSWORD + "-wrong";
        StringBuilder responses = new StringBuilder();
        try (LogCapture logs = new LogCapture()) {
            for (String authorization :
                    List.of("Bearer " + ApiTestServer.PASSWORD, ApiTestServer.PASSWORD, "Bearer " + almost, almost)) {
                for (String path : List.of(
                        ApiPaths.CLUSTERS,
                        "/api/v1/kindserver/dev",
                        "/api/v1/kindserver/BAD!",
                        "/nowhere",
                        ApiPaths.METRICS,
                        ApiPaths.OPENAPI)) {
                    HttpResponse<String> response = server.send("GET", path, null, authorization);
                    responses.append(response.headers().map()).append(response.body());
                }
                HttpResponse<String> post = server.send("POST", "/api/v1/kindserver/dev", "{not json", authorization);
                responses.append(post.headers().map()).append(post.body());
            }

            assertFalse(logs.text().isEmpty(), "request lines are logged at debug");
            assertFalse(logs.text().contains("s3cret"), logs.text());
        }
        assertFalse(responses.toString().contains("s3cret"), responses.toString());
    }

    @Test
    void passwordComparisonDependsOnTheWholeValueOnly() {
        Password password = Password.of("correct-horse-battery-2");

        assertTrue(password.matches("correct-horse-battery-2"));
        for (String guess : List.of(
                "",
                "c",
                "correct-horse-battery-",
                "correct-horse-battery-22",
                "Correct-horse-battery-2",
                "correct-horse-battery-2 ",
                "correct-horse-battery-3")) {
            assertFalse(password.matches(guess), guess);
        }
        assertFalse(password.matches(null));
        assertThrows(IllegalArgumentException.class, () -> Password.of("correct-horse-1"), "15 characters");
        assertEquals("****", password.toString());
    }
}
