package io.providerkind.sdk;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The password is sent to kindserver and nowhere else: no message, no stack trace, no toString. */
class PasswordSecrecyTest {

    private static final String PASSWORD = "do-not-leak-7f3a9c";

    @Test
    void scrubsThePasswordFromAnErrorThatEchoesIt() {
        try (FakeKindServer server = FakeKindServer.http()) {
            server.answer(
                    "GET",
                    "",
                    401,
                    "{\"error\":\"unauthorized\",\"message\":\"token 'Bearer " + PASSWORD + "' is not valid\"}");
            KindServerClient client = KindServerClients.builder()
                    .endpoint(server.endpoint())
                    .password(PASSWORD)
                    .build();

            UnauthorizedException thrown = assertThrows(UnauthorizedException.class, client::list);

            assertFalse(everything(thrown).contains(PASSWORD), everything(thrown));
            assertTrue(thrown.getMessage().contains("token 'Bearer ****' is not valid"), thrown.getMessage());
        }
    }

    @Test
    void leavesThePasswordOutOfUnreachableErrorsAndTheClientsDescription() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        KindServerClient client = KindServerClients.builder()
                .endpoint(URI.create("https://127.0.0.1:" + closedPort + "/api/v1/kindserver"))
                .password(PASSWORD)
                .build();

        UnreachableException thrown = assertThrows(UnreachableException.class, client::list);

        assertFalse(everything(thrown).contains(PASSWORD), everything(thrown));
        assertFalse(client.toString().contains(PASSWORD), client.toString());
    }

    @Test
    void leavesThePasswordOutOfBuilderErrors() {
        IllegalArgumentException thrown = assertThrows(
                IllegalArgumentException.class,
                () -> KindServerClients.builder()
                        .endpoint("https://127.0.0.1/api/v1/kindserver")
                        .password(PASSWORD + "\u0000")
                        .build());

        assertFalse(everything(thrown).contains(PASSWORD), everything(thrown));
    }

    /** Message, causes and stack trace, as a log line would show them. */
    private static String everything(Throwable thrown) {
        StringWriter text = new StringWriter();
        thrown.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
