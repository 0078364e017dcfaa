package io.providerkind.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** When kindserver does not answer, callers get an UnreachableException that says why. */
class UnreachableTest {

    @Test
    void refusedConnectionIsUnreachable() throws IOException {
        URI endpoint = URI.create("https://127.0.0.1:" + closedPort() + "/api/v1/kindserver");
        KindServerClient client =
                KindServerClients.builder().endpoint(endpoint).password("pw").build();

        UnreachableException thrown = assertThrows(UnreachableException.class, client::list);

        assertEquals("kindserver at " + endpoint + " is unreachable: connection refused", thrown.getMessage());
        assertEquals(0, thrown.status());
    }

    @Test
    void slowAnswerIsUnreachableAfterTheRequestTimeout() {
        try (FakeKindServer server = FakeKindServer.http()) {
            server.answerAfter(Duration.ofSeconds(20), "GET", "/dev", 200, "{\"name\":\"dev\"}");
            KindServerClient client = KindServerClients.builder()
                    .endpoint(server.endpoint())
                    .password("pw")
                    .requestTimeout(Duration.ofMillis(300))
                    .build();

            UnreachableException thrown = assertThrows(UnreachableException.class, () -> client.find("dev"));

            assertEquals(
                    "kindserver at " + server.endpoint() + " is unreachable: timed out after 300ms",
                    thrown.getMessage());
        }
    }

    @Test
    void serverThatNeverCompletesTheTlsHandshakeIsUnreachableAfterTheConnectTimeout() throws IOException {
        // The kernel accepts the TCP connection into the backlog; nobody ever answers the ClientHello.
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"))) {
            KindServerClient client = KindServerClients.builder()
                    .endpoint(URI.create("https://127.0.0.1:" + silent.getLocalPort() + "/api/v1/kindserver"))
                    .password("pw")
                    .connectTimeout(Duration.ofMillis(300))
                    .requestTimeout(Duration.ofSeconds(20))
                    .build();

            UnreachableException thrown = assertThrows(UnreachableException.class, client::list);

            assertTrue(
                    thrown.getMessage().endsWith("is unreachable: connect timed out after 300ms"), thrown.getMessage());
        }
    }

    @Test
    void interruptedCallerGetsUnreachableAndKeepsItsInterruptFlag() {
        try (FakeKindServer server = FakeKindServer.http()) {
            server.answerAfter(Duration.ofSeconds(20), "GET", "", 200, "{\"clusters\":[]}");
            KindServerClient client = KindServerClients.builder()
                    .endpoint(server.endpoint())
                    .password("pw")
                    .build();

            Thread.currentThread().interrupt();
            UnreachableException thrown;
            try {
                thrown = assertThrows(UnreachableException.class, client::list);
            } finally {
                assertTrue(Thread.interrupted(), "the interrupt flag must survive the call");
            }

            assertTrue(thrown.getMessage().endsWith("interrupted while waiting for the answer"), thrown.getMessage());
            assertTrue(thrown.getCause() instanceof InterruptedException);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
