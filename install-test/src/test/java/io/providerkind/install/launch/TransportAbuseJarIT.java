package io.providerkind.install.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.providerkind.testsupport.process.JavaProcess;
import io.providerkind.testsupport.realparts.RequiresDocker;
import io.providerkind.testsupport.tls.TlsSockets;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kindserver.jar as an operator runs it, against a client that does not play by the rules: it speaks TLS 1.3 and
 * 1.2 with forward-secret suites, answers an HTTP/2 preface, oversized headers and plain HTTP with its JSON errors,
 * refuses a TLS renegotiation, and its log shows none of this as a stack trace.
 */
@RequiresDocker
class TransportAbuseJarIT {

    private static final String PASSWORD = "correct horse battery staple";
    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [\\w.$]+\\(");

    @TempDir
    Path tmp;

    @Test
    void servesModernTlsAndAnswersTransportAbuseWithoutAStackTrace() throws Exception {
        try (ServingKindServerJar jar = ServingKindServerJar.start(tmp, PASSWORD)) {
            JavaProcess kindserver = jar.process();
            int port = jar.port();
            String pem = Files.readString(jar.certificate());

            try (SSLSocket tls13 = TlsSockets.connect(pem, port, "TLSv1.3")) {
                assertEquals("TLSv1.3", tls13.getSession().getProtocol());
                assertTrue(tls13.getSession().getCipherSuite().matches("TLS_(AES_\\d+_GCM|CHACHA20_POLY1305)_SHA\\d+"));
                assertTrue(TlsSockets.exchange(tls13, TlsSockets.get("/healthz", "none"))
                        .startsWith("HTTP/1.1 200 "));
            }
            try (SSLSocket tls12 = TlsSockets.connect(pem, port, "TLSv1.2")) {
                assertTrue(tls12.getSession().getCipherSuite().startsWith("TLS_ECDHE_"));
            }
            assertJsonError("426", exchange(pem, port, "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"));
            assertJsonError(
                    "431",
                    exchange(
                            pem,
                            port,
                            "GET /api/v1/kindserver HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Huge: " + "x".repeat(20_000)
                                    + "\r\n\r\n"));
            try (Socket plain = new Socket("127.0.0.1", port)) {
                plain.setSoTimeout(TlsSockets.READ_TIMEOUT_MILLIS);
                assertJsonError("400", TlsSockets.exchange(plain, TlsSockets.get("/healthz", "none")));
            }
            try (SSLSocket tls12 = TlsSockets.connect(pem, port, "TLSv1.2")) {
                assertThrows(SSLException.class, () -> {
                    tls12.startHandshake();
                    TlsSockets.exchange(tls12, TlsSockets.get("/healthz", "none"));
                });
            }

            int exit = kindserver.stop(Duration.ofSeconds(60));
            assertTrue(exit == 0 || exit == 143, "a clean stop on SIGTERM, got " + exit + ":\n" + kindserver.log());
            assertFalse(STACK_FRAME.matcher(kindserver.log()).find(), kindserver.log());
        }
    }

    private static String exchange(String pem, int port, String request) throws IOException {
        try (SSLSocket socket = TlsSockets.connect(pem, port, parameters -> {})) {
            return TlsSockets.exchange(socket, request);
        }
    }

    private static void assertJsonError(String status, String answer) {
        assertTrue(answer.startsWith("HTTP/1.1 " + status + " "), answer);
        assertTrue(answer.toLowerCase().contains("content-type: application/json"), answer);
        assertTrue(answer.contains("\"error\":\""), answer);
    }
}
