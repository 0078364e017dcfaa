package io.providerkind.kindserver.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.providerkind.testsupport.tls.PemTrust;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests so malformed that Jetty answers them before Javalin sees them (no HTTP client would send them,
 * so they are written on a raw TLS socket) still get kindserver's JSON error, not Jetty's HTML page.
 */
class JettyLevelErrorsTest {

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
                "GET /api/v1/kindserver/%ZZ HTTP/1.1",
                "GET /api/v1/kindserver/..%2F..%2Fetc HTTP/1.1",
                "GET /api/v1/kindserver HTTP/1.1\r\nX-Huge: " + "h" + "x"
            })
    void answersMalformedRequestsWithJsonErrors(String requestLine) throws IOException {
        String head = requestLine.endsWith("x")
                ? requestLine.substring(0, requestLine.length() - 1) + "x".repeat(20_000)
                : requestLine;
        String answer = exchange(head + "\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + ApiTestServer.PASSWORD
                + "\r\nConnection: close\r\n\r\n");

        String statusLine = answer.lines().findFirst().orElse("");
        assertTrue(statusLine.matches("HTTP/1.1 4\\d\\d .*"), answer);
        assertTrue(answer.toLowerCase().contains("content-type: application/json"), answer);
        assertTrue(answer.contains("\"error\":\""), answer);
        assertFalse(answer.contains("<h1>") || answer.contains("<html"), answer);
    }

    private static String exchange(String request) throws IOException {
        try (SSLSocket socket = (SSLSocket) PemTrust.sslContext(server.tls.certificatePem())
                .getSocketFactory()
                .createSocket("127.0.0.1", server.api.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
