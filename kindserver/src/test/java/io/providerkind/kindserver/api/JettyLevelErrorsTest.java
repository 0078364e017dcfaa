package io.providerkind.kindserver.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.providerkind.kindserver.testing.LogCapture;
import io.providerkind.testsupport.tls.TlsSockets;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests so malformed that Jetty answers them before Javalin sees them, and connections that abuse the transport
 * (no HTTP client would send them, so they are written on raw sockets): each gets kindserver's JSON error, or is
 * closed where HTTP has no way to answer, and none leaves a stack trace in the log (checked after every test).
 */
class JettyLevelErrorsTest {

    /** Short enough for a test to wait out, and far apart, so that which of the two ended a connection shows. */
    private static final ApiSettings.TransportLimits QUICK =
            new ApiSettings.TransportLimits(8 * 1024, Duration.ofSeconds(1), Duration.ofSeconds(30));

    private static final String KEPT_ALIVE_HEALTH = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

    private static ApiTestServer server;
    private LogCapture logs;

    @BeforeAll
    static void start() {
        server = ApiTestServer.start(QUICK);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void captureLogs() {
        logs = new LogCapture();
    }

    @AfterEach
    void noStackTraceWasLogged() {
        logs.close();
        assertTrue(logs.events().stream().allMatch(event -> event.getThrowableProxy() == null), logs.text());
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
        assertJsonError("4\\d\\d", exchange(head + "\r\nHost: 127.0.0.1\r\n\r\n"));
    }

    @Test
    void answersAnOversizedRequestLineWith414Json() throws IOException {
        String answer = exchange(TlsSockets.get("/api/v1/kindserver/" + "a".repeat(9_000), bearer()));
        assertJsonError("414", answer);
        assertTrue(answer.contains("\"error\":\"" + ErrorCodes.URI_TOO_LONG + "\""), answer);
    }

    @Test
    void answersTooManyHeadersWith431Json() throws IOException {
        StringBuilder headers = new StringBuilder();
        for (int i = 0; i < 1_000; i++) {
            headers.append("X-Header-").append(i).append(": v\r\n");
        }
        String answer = exchange("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "\r\n");
        assertJsonError("431", answer);
        assertTrue(answer.contains("\"error\":\"" + ErrorCodes.HEADERS_TOO_LARGE + "\""), answer);
    }

    /** HTTP/2 is off on purpose; its connection preface parses as an HTTP/1.1 request for an upgrade. */
    @Test
    void answersAnHttp2PrefaceWithJson426() throws IOException {
        String answer = exchange("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
        assertJsonError("426", answer);
        assertTrue(answer.contains("\"error\":\"" + ErrorCodes.UPGRADE_REQUIRED + "\""), answer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "h2,http/1.1"})
    void neverNegotiatesHttp2ThroughAlpn(String offered) throws IOException {
        try (SSLSocket socket = TlsSockets.connect(
                server.tls.certificatePem(),
                server.api.port(),
                parameters -> parameters.setApplicationProtocols(offered.split(",")))) {
            // no ALPN answer at all: kindserver's connector has no ALPN factory, so the client falls back to 1.1
            assertEquals("", socket.getApplicationProtocol());
            assertTrue(TlsSockets.exchange(socket, TlsSockets.get(ApiPaths.HEALTHZ, "none"))
                    .startsWith("HTTP/1.1 200 "));
        }
    }

    @Test
    void refusesTlsRenegotiation() throws IOException {
        try (SSLSocket socket = TlsSockets.connect(server.tls.certificatePem(), server.api.port(), "TLSv1.2")) {
            // TLS 1.3 has no renegotiation; on 1.2 a second handshake is the client asking for one
            assertThrows(SSLException.class, () -> {
                socket.startHandshake();
                TlsSockets.exchange(socket, TlsSockets.get(ApiPaths.HEALTHZ, "none"));
            });
        }
    }

    /** Answered in plain HTTP, since that is what the client speaks, and never served. */
    @Test
    void answersAPlainHttpRequestOnTheTlsPortWithJson400() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.api.port())) {
            socket.setSoTimeout(TlsSockets.READ_TIMEOUT_MILLIS);
            String answer = TlsSockets.exchange(socket, TlsSockets.get(ApiPaths.HEALTHZ, bearer()));

            assertJsonError("400", answer);
            assertTrue(answer.contains("https://"), answer);
        }
    }

    /**
     * One header byte every 100 ms never lets the 30 s idle timeout fire; the header deadline (1 s here) ends
     * the connection, as Jetty ends an idle one: closed without an answer, since the request never began. A
     * kept-alive connection gets the same time for its next request, counted from its previous answer.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void endsAConnectionWhoseHeadersDribbleInPastTheHeaderTimeout(boolean afterAnsweredRequest) throws Exception {
        String slow = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + "p".repeat(200) + "\r\n\r\n";
        long start = System.nanoTime(); // the deadline counts from the connection's opening, handshake included
        try (SSLSocket socket = TlsSockets.connect(server.tls.certificatePem(), server.api.port(), "TLSv1.3")) {
            CompletableFuture<String> answer = readToEndAsync(socket);
            if (afterAnsweredRequest) {
                socket.getOutputStream().write(KEPT_ALIVE_HEALTH.getBytes(StandardCharsets.ISO_8859_1));
            }

            dribble(socket.getOutputStream(), slow.getBytes(StandardCharsets.ISO_8859_1), answer);

            Duration held = Duration.ofNanos(System.nanoTime() - start);
            String answered = answer.get(TlsSockets.READ_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            assertEquals(afterAnsweredRequest ? 1 : 0, answered.split("HTTP/1.1 ", -1).length - 1, answered);
            assertTrue(held.compareTo(QUICK.headerTimeout()) >= 0, "ended before the header timeout: " + held);
            assertTrue(held.compareTo(Duration.ofSeconds(5)) < 0, "held for " + held);
        }
    }

    /** The header deadline ends with the headers: a request whose body is slow is still answered. */
    @Test
    void answersARequestWhoseBodyTakesLongerThanTheHeaderTimeout() throws Exception {
        String body = "{\"kindConfig\":\"kind: Cluster\\napiVersion: kind.x-k8s.io/v1alpha4\\n\"}";
        String head = "POST /api/v1/kindserver/slow-body HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + bearer()
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n";
        try (SSLSocket socket = TlsSockets.connect(server.tls.certificatePem(), server.api.port(), "TLSv1.3")) {
            CompletableFuture<String> answer = readToEndAsync(socket);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            long start = System.nanoTime();

            dribble(out, body.getBytes(StandardCharsets.ISO_8859_1), answer);

            assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(QUICK.headerTimeout()) > 0);
            String status = answer.get(TlsSockets.READ_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                    .lines()
                    .findFirst()
                    .orElse("");
            assertEquals("HTTP/1.1 202 Accepted", status);
        }
    }

    /** Writes one byte every 100 ms until all are written or the server has ended the exchange. */
    private static void dribble(OutputStream out, byte[] bytes, CompletableFuture<String> answer)
            throws InterruptedException {
        for (int i = 0; i < bytes.length && !answer.isDone(); i++) {
            try {
                out.write(bytes[i]);
                out.flush();
            } catch (IOException closed) {
                return;
            }
            // the pace is the behaviour under test (a slow client), not a wait for something to happen
            Thread.sleep(100);
        }
    }

    private static CompletableFuture<String> readToEndAsync(SSLSocket socket) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return TlsSockets.readToEnd(socket.getInputStream());
            } catch (IOException e) {
                return "";
            }
        });
    }

    private static void assertJsonError(String status, String answer) {
        String statusLine = answer.lines().findFirst().orElse("");
        assertTrue(statusLine.matches("HTTP/1.1 " + status + " .*"), answer);
        assertTrue(answer.toLowerCase().contains("content-type: application/json"), answer);
        assertTrue(answer.contains("\"error\":\""), answer);
        assertFalse(answer.contains("<h1>") || answer.contains("<html"), answer);
    }

    private static String exchange(String request) throws IOException {
        try (SSLSocket socket = TlsSockets.connect(server.tls.certificatePem(), server.api.port(), p -> {})) {
            return TlsSockets.exchange(socket, request);
        }
    }

    private static String bearer() {
        return "Bearer " + ApiTestServer.PASSWORD;
    }
}
