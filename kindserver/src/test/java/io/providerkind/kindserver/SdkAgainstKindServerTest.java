package io.providerkind.kindserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.providerkind.kindserver.testing.KindContainers;
import io.providerkind.kindserver.testing.KindServerFixture;
import io.providerkind.sdk.BadRequestException;
import io.providerkind.sdk.ClusterNotFoundException;
import io.providerkind.sdk.ConflictException;
import io.providerkind.sdk.KindServerClient;
import io.providerkind.sdk.KindServerClients;
import io.providerkind.sdk.KindServerException;
import io.providerkind.sdk.ServerErrorException;
import io.providerkind.sdk.UnauthorizedException;
import io.providerkind.sdk.UnreachableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each SDK exception class, raised by a real kindserver's own answer (or by its absence). */
class SdkAgainstKindServerTest {

    @TempDir
    Path stateDir;

    private KindServerFixture kindserver;

    @BeforeEach
    void start() {
        kindserver = KindServerFixture.start(stateDir);
    }

    @AfterEach
    void stop() {
        if (kindserver != null) {
            kindserver.close();
            KindContainers.removeAll("sdk-conflict");
        }
    }

    @Test
    void aWrongPasswordIsUnauthorized() {
        KindServerClient client = KindServerClients.builder()
                .endpoint(kindserver.baseUrl())
                .password("wrong")
                .caBundlePem(kindserver.caPem())
                .build();

        UnauthorizedException e = assertThrows(UnauthorizedException.class, client::list);

        assertEquals(401, e.status());
        assertFalse(e.getMessage().contains(kindserver.password()));
    }

    @Test
    void anUnknownClusterIsNotFoundOrEmpty() {
        KindServerClient client = kindserver.client();

        assertTrue(client.find("sdk-nothing").isEmpty());
        assertThrows(ClusterNotFoundException.class, () -> client.get("sdk-nothing"));
        assertFalse(client.delete("sdk-nothing"));
    }

    @Test
    void anotherConfigForAnExistingClusterIsAConflict() {
        KindServerClient client = kindserver.client();
        client.create("sdk-conflict", KindServerEndToEndTest.CONFIG);

        ConflictException e = assertThrows(
                ConflictException.class,
                () -> client.create("sdk-conflict", KindServerEndToEndTest.CONFIG + "name: other\n"));

        assertEquals(409, e.status());
        assertTrue(client.delete("sdk-conflict"));
        KindServerEndToEndTest.awaitGone(client, "sdk-conflict");
    }

    @Test
    void aClusterOfAnotherOwnerIsAConflictNamingItsOwnerAndReadsShowTheOwner() {
        KindServerClient client = kindserver.client();
        assertEquals(
                "mc-a/mr-1",
                client.create("sdk-conflict", KindServerEndToEndTest.CONFIG, "mc-a/mr-1")
                        .owner());

        ConflictException e = assertThrows(
                ConflictException.class,
                () -> client.create("sdk-conflict", KindServerEndToEndTest.CONFIG, "mc-b/mr-2"));

        assertEquals(409, e.status());
        assertTrue(e.getMessage().contains("belongs to owner \"mc-a/mr-1\""), e.getMessage());
        assertEquals("mc-a/mr-1", client.get("sdk-conflict").owner());
        assertEquals(
                "mc-a/mr-1",
                client.list().stream()
                        .filter(c -> c.name().equals("sdk-conflict"))
                        .findFirst()
                        .orElseThrow()
                        .owner());
        assertTrue(client.delete("sdk-conflict"));
        KindServerEndToEndTest.awaitGone(client, "sdk-conflict");
    }

    @Test
    void aBadNameOrConfigIsABadRequestWithTheServersMessage() {
        KindServerClient client = kindserver.client();

        BadRequestException name =
                assertThrows(BadRequestException.class, () -> client.create("Bad_Name", KindServerEndToEndTest.CONFIG));
        BadRequestException config =
                assertThrows(BadRequestException.class, () -> client.create("sdk-bad", "kind: Pod\n"));

        assertTrue(name.getMessage().contains("must consist of lower-case letters"), name.getMessage());
        assertTrue(config.getMessage().contains("kindConfig"), config.getMessage());
    }

    @Test
    void aFailingServerIsAServerError() throws IOException {
        KindServerClient client = kindserver.client();
        Path records = stateDir.resolve("clusters");
        try (Stream<Path> files = Files.walk(records)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
        Files.writeString(records, "not a directory: kindserver cannot record a cluster any more");

        ServerErrorException e = assertThrows(
                ServerErrorException.class, () -> client.create("sdk-broken", KindServerEndToEndTest.CONFIG));

        assertEquals(500, e.status());
        assertTrue(e.getMessage().contains("its log has the cause"), e.getMessage());
    }

    @Test
    void aStoppedServerOrAnUntrustedCertificateIsUnreachable() {
        KindServerClient untrusting = KindServerClients.builder()
                .endpoint(kindserver.baseUrl())
                .password(kindserver.password())
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        KindServerClient client = kindserver.client();

        KindServerException tls = assertThrows(UnreachableException.class, untrusting::list);
        kindserver.stop();
        KindServerException refused = assertThrows(UnreachableException.class, client::list);

        assertEquals(0, tls.status());
        assertEquals(0, refused.status());
    }
}
