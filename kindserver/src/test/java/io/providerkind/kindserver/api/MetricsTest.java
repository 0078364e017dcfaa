package io.providerkind.kindserver.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MetricsTest {

    private static ApiTestServer server;

    @BeforeAll
    static void start() {
        server = ApiTestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void countsRequestsByRouteTemplateMethodAndStatus() {
        server.call("GET", "/api/v1/kindserver/first", null);
        server.call("GET", "/api/v1/kindserver/second", null);
        server.send("GET", "/api/v1/kindserver", null, "Bearer wrong");

        HttpResponse<String> metrics = server.call("GET", ApiPaths.METRICS, null);

        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        String text = metrics.body();
        assertTrue(
                text.contains("http_server_requests_seconds_count{method=\"GET\",outcome=\"CLIENT_ERROR\","
                        + "route=\"/api/v1/kindserver/{name}\",status=\"404\"} 2"),
                text);
        assertTrue(text.contains("route=\"/api/v1/kindserver\",status=\"401\""), text);
        assertTrue(text.contains("http_server_requests_seconds_bucket{"), "latency histogram for percentiles");
    }

    @Test
    void countsWrongPasswordsAndExposesTheThrottleCounterBeforeItFirstCounts() {
        server.send("GET", "/api/v1/kindserver", null, "Bearer wrong");
        server.send("GET", "/api/v1/kindserver", null, null);

        String text = server.call("GET", ApiPaths.METRICS, null).body();

        assertTrue(text.matches("(?s).*\\nkindserver_authentication_failures_total [1-9][0-9]*\\.0\\n.*"), text);
        assertTrue(
                text.contains("\nkindserver_authentication_throttled_total 0.0\n"), "alerts need the series: " + text);
        assertTrue(text.contains("# TYPE kindserver_authentication_failures_total counter"), text);
    }

    @Test
    void labelsUnmatchedPathsAsOneSeriesNotByRawPath() {
        server.call("GET", "/scanner/probe-1", null);
        server.call("GET", "/scanner/probe-2", null);

        String text = server.call("GET", ApiPaths.METRICS, null).body();

        assertFalse(text.contains("probe-1"), "raw paths would make a series per probe");
        assertTrue(text.contains("route=\"unmatched\",status=\"404\""), text);
    }
}
