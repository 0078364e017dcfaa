package io.providerkind.kindserver.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.providerkind.kindserver.testing.LogCapture;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthenticationTest {

    private static ApiTestServer server;

    @BeforeAll
    static void start() {
        server = ApiTestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
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
        Password password = Password.of("hunter2");

        assertTrue(password.matches("hunter2"));
        for (String guess : List.of("", "h", "hunter", "hunter22", "Hunter2", "hunter2 ", "hunter3")) {
            assertFalse(password.matches(guess), guess);
        }
        assertFalse(password.matches(null));
        assertEquals("****", password.toString());
    }
}
