package io.providerkind.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** loadImages and registry against an HTTPS stand-in for kindserver: what is sent, what each answer becomes. */
class ImageLoadsClientTest {

    private static final String DEV_LOADING = """
            {"name":"dev","phase":"Ready","configHash":"sha256:abc",
             "images":[{"image":"app:1","state":"Loaded"},{"image":"127.0.0.1:5001/api:2","state":"Loading"},
                       {"image":"gone:3","state":"Failed","message":"image: \\"gone:3\\" not present locally"}]}
            """;

    private final TestCertificate certificate = TestCertificate.selfSigned("127.0.0.1");
    private FakeKindServer server;
    private KindServerClient client;

    @BeforeEach
    void start() {
        server = FakeKindServer.https(certificate);
        client = KindServerClients.builder()
                .endpoint(server.endpoint())
                .password(HttpKindServerClientTest.PASSWORD)
                .caBundlePem(certificate.pem())
                .build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void loadImagesPostsTheListAndReturnsTheClusterWithEachImagesState() throws Exception {
        server.answer("POST", "/dev/images", 202, DEV_LOADING);

        ClusterInfo dev = client.loadImages("dev", List.of("app:1", "127.0.0.1:5001/api:2", "gone:3"))
                .cluster();

        assertEquals(
                List.of(
                        new ImageLoad("app:1", ImageLoadState.Loaded, null),
                        new ImageLoad("127.0.0.1:5001/api:2", ImageLoadState.Loading, null),
                        new ImageLoad("gone:3", ImageLoadState.Failed, "image: \"gone:3\" not present locally")),
                dev.images());
        FakeKindServer.Received post = server.received().get(0);
        assertEquals("POST", post.method());
        assertEquals(FakeKindServer.BASE_PATH + "/dev/images", post.rawPath());
        assertEquals("application/json", post.contentType());
        assertEquals(
                "{\"images\":[\"app:1\",\"127.0.0.1:5001/api:2\",\"gone:3\"]}",
                new ObjectMapper().readTree(post.body()).toString());
    }

    @Test
    void anUnknownClusterIsClusterNotFoundAndOneNotReadyAConflict() {
        server.answer(
                "POST",
                "/gone/images",
                404,
                "{\"error\":\"cluster_not_found\",\"message\":\"cluster gone not found\"}");
        server.answer("POST", "/busy/images", 409, "{\"error\":\"conflict\",\"message\":\"cluster busy is Creating\"}");

        assertThrows(ClusterNotFoundException.class, () -> client.loadImages("gone", List.of("app:1")));
        ConflictException busy =
                assertThrows(ConflictException.class, () -> client.loadImages("busy", List.of("app:1")));
        assertTrue(busy.getMessage().contains("Creating"), busy.getMessage());
    }

    @Test
    void aMalformedOrEmptyListIsRefusedWithKindServersOwnWordsWithoutAsking() {
        BadRequestException malformed =
                assertThrows(BadRequestException.class, () -> client.loadImages("dev", List.of("Bad Name")));
        assertTrue(malformed.getMessage().contains("not a valid image reference"), malformed.getMessage());
        assertThrows(BadRequestException.class, () -> client.loadImages("dev", List.of()));
        assertEquals(List.of(), server.received(), "nothing was sent");
    }

    @Test
    void registryIsTheListsRegistryAndEmptyWhenKindServerRunsNone() {
        server.answer(
                "GET",
                "",
                200,
                "{\"clusters\":[],\"registry\":{\"hostAddress\":\"127.0.0.1:5001\","
                        + "\"clusterAddress\":\"kindserver-registry:5000\"}}");
        assertEquals(Optional.of(new LocalRegistry("127.0.0.1:5001", "kindserver-registry:5000")), client.registry());

        server.answer("GET", "", 200, "{\"clusters\":[]}");
        assertEquals(Optional.empty(), client.registry());
    }
}
