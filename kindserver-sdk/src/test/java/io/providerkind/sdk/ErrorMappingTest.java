package io.providerkind.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every answer that is not a success becomes the exception a caller can act on, with kindserver's message. */
class ErrorMappingTest {

    private FakeKindServer server;
    private KindServerClient client;

    @BeforeEach
    void start() {
        server = FakeKindServer.http();
        client = KindServerClients.builder()
                .endpoint(server.endpoint())
                .password("pw-for-errors")
                .build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @CsvSource({
        "400, BadRequestException",
        "401, UnauthorizedException",
        "403, BadRequestException",
        "409, ConflictException",
        "413, BadRequestException",
        "422, BadRequestException",
        "500, ServerErrorException",
        "503, ServerErrorException"
    })
    void mapsEachErrorStatusToItsExceptionWithTheServersMessage(int status, String exception) {
        String message = "kindserver says " + status;
        server.answer("POST", "/dev", status, "{\"error\":\"some_code\",\"message\":\"" + message + "\"}");

        KindServerException thrown =
                assertThrows(KindServerException.class, () -> client.create("dev", "kind: Cluster"));

        assertEquals(exception, thrown.getClass().getSimpleName());
        assertEquals(status, thrown.status());
        assertEquals(message, thrown.getMessage());
    }

    @Test
    void aClusterOfAnotherOwnerIsAConflictNamingThatOwner() {
        String message = "cluster dev belongs to owner \\\"uid-a/uid-1\\\"; a create by owner \\\"uid-b/uid-2\\\""
                + " is refused";
        server.answer("POST", "/dev", 409, "{\"error\":\"conflict\",\"message\":\"" + message + "\"}");

        ConflictException thrown =
                assertThrows(ConflictException.class, () -> client.create("dev", "kind: Cluster", "uid-b/uid-2"));

        assertEquals(
                "cluster dev belongs to owner \"uid-a/uid-1\"; a create by owner \"uid-b/uid-2\" is refused",
                thrown.getMessage());
    }

    @Test
    void mapsErrorsTheSameWayOnEveryCall() {
        server.answer("GET", "", 401, "{\"error\":\"unauthorized\",\"message\":\"wrong password\"}")
                .answer("GET", "/dev", 500, "{\"error\":\"internal\",\"message\":\"docker is down\"}")
                .answer("DELETE", "/dev", 409, "{\"error\":\"conflict\",\"message\":\"dev is being created\"}");

        assertEquals(
                "wrong password",
                assertThrows(UnauthorizedException.class, client::list).getMessage());
        assertEquals(
                "docker is down",
                assertThrows(ServerErrorException.class, () -> client.find("dev"))
                        .getMessage());
        assertEquals(
                "dev is being created",
                assertThrows(ConflictException.class, () -> client.delete("dev"))
                        .getMessage());
    }

    @Test
    void keepsTheTextOfAProxysNonJsonAnswer() {
        server.answer("GET", "", 502, "<html>\n<head><title>502 Bad Gateway</title></head>\n</html>");

        ServerErrorException thrown = assertThrows(ServerErrorException.class, client::list);

        assertEquals(502, thrown.status());
        assertEquals(
                "kindserver answered 502: <html> <head><title>502 Bad Gateway</title></head> </html>",
                thrown.getMessage());
    }

    @Test
    void namesTheStatusWhenTheErrorHasNoBody() {
        server.answer("GET", "", 503, null);

        assertEquals(
                "kindserver answered 503 with no message",
                assertThrows(ServerErrorException.class, client::list).getMessage());
    }

    @Test
    void usesTheErrorCodeWhenTheErrorHasNoMessage() {
        server.answer("GET", "/dev", 403, "{\"error\":\"forbidden\"}");

        assertEquals(
                "forbidden",
                assertThrows(BadRequestException.class, () -> client.find("dev"))
                        .getMessage());
    }

    @Test
    void doesNotFollowARedirectAndSaysWhereItPoints() {
        String elsewhere = server.endpoint() + "/elsewhere";
        server.redirect("GET", "", 308, elsewhere);

        BadRequestException thrown = assertThrows(BadRequestException.class, client::list);

        assertEquals(1, server.received().size(), "the password must not be sent on to the redirect's target");
        assertTrue(thrown.getMessage().contains("308 redirecting to " + elsewhere), thrown.getMessage());
    }

    @Test
    void reportsASuccessBodyThatIsNotAClusterWithoutQuotingIt() {
        server.answer("GET", "/dev", 200, "{\"name\":\"dev\",\"kubeconfig\":\"client-key-data: S3CR3T\", oops");

        ServerErrorException thrown = assertThrows(ServerErrorException.class, () -> client.find("dev"));

        assertEquals(200, thrown.status());
        assertTrue(
                thrown.getMessage().contains("answered 200 with a body that is not a valid ClusterInfo"),
                thrown.getMessage());
        assertFalse(thrown.getMessage().contains("S3CR3T"), thrown.getMessage());
    }

    @Test
    void reportsAClusterKindserverDoesNotKnowAsNotFound() {
        server.answer("POST", "/dev", 404, "{\"error\":\"cluster_not_found\",\"message\":\"cluster dev not found\"}");

        ClusterNotFoundException thrown =
                assertThrows(ClusterNotFoundException.class, () -> client.create("dev", "kind: Cluster"));

        assertEquals("cluster dev not found", thrown.getMessage());
    }

    @Test
    void neverReadsAnUnknownRouteAsAGoneCluster() {
        // A wrong endpoint path makes every call a 404 for an unknown route; a caller that took that for
        // "gone" would drop its finalizer and leak the cluster.
        server.answer("GET", "/dev", 404, "{\"error\":\"not_found\",\"message\":\"no route GET /dev\"}")
                .answer("DELETE", "/dev", 404, "<html>404 Not Found</html>");

        BadRequestException onFind = assertThrows(BadRequestException.class, () -> client.find("dev"));
        BadRequestException onDelete = assertThrows(BadRequestException.class, () -> client.delete("dev"));

        assertTrue(onFind.getMessage().contains("/api/v1/kindserver"), onFind.getMessage());
        assertTrue(onDelete.getMessage().contains("404 Not Found"), onDelete.getMessage());
        assertEquals(404, onDelete.status());
    }

    @Test
    void reportsAThrottledAddressWithHowLongToWait() {
        String body = "{\"error\":\"too_many_requests\",\"message\":\"too many wrong passwords\"}";
        server.throttle("GET", "/dev", "8", body).throttle("GET", "", "soon", body);

        ThrottledException withDelay = assertThrows(ThrottledException.class, () -> client.find("dev"));
        ThrottledException unreadable = assertThrows(ThrottledException.class, client::list);

        assertEquals(429, withDelay.status());
        assertEquals("too many wrong passwords", withDelay.getMessage());
        assertEquals(Optional.of(Duration.ofSeconds(8)), withDelay.retryAfter());
        assertEquals(Optional.empty(), unreadable.retryAfter(), "a Retry-After that is not seconds is not guessed at");
    }

    @Test
    void refusesAnAnswerLargerThanTheLimitWithoutReadingItAll() {
        KindServerClient small = KindServerClients.builder()
                .endpoint(server.endpoint())
                .password("pw-for-errors")
                .maxResponseBytes(1024)
                .build();
        server.answer("GET", "", 200, "{\"clusters\":[" + "{},".repeat(600) + "{}]}");

        ServerErrorException thrown = assertThrows(ServerErrorException.class, small::list);

        assertTrue(thrown.getMessage().contains("answered with a body larger than 1024 bytes"), thrown.getMessage());
    }

    @Test
    void stopsReadingAnAnswerThatNeverEnds() throws InterruptedException {
        server.answerEndlessly("GET", "");

        ServerErrorException thrown = assertThrows(ServerErrorException.class, client::list);

        assertTrue(
                thrown.getMessage()
                        .contains("answered with a body larger than "
                                + KindServerClientBuilder.DEFAULT_MAX_RESPONSE_BYTES + " bytes"),
                thrown.getMessage());
        assertTrue(server.endlessAnswerAbandoned(Duration.ofSeconds(10)), "the client closed the connection");
    }
}
