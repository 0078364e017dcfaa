package io.providerkind.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The four calls against an HTTPS stand-in for kindserver, trusted through a CA bundle. */
class HttpKindServerClientTest {

    static final String PASSWORD = "s3cret-Pa55word";

    static final String DEV = """
            {"name":"dev","phase":"Ready","endpoint":"https://192.0.2.10:36443",
             "kubeconfig":"apiVersion: v1\\nkind: Config\\n","internalKubeconfig":"apiVersion: v1\\n",
             "kubernetesVersion":"v1.31.0","internalIP":"192.0.2.11",
             "nodes":[{"name":"dev-control-plane","role":"control-plane","state":"running","ip":"192.0.2.11"}],
             "configHash":"sha256:abc","createdAt":"2025-03-31T10:15:30Z","addedInALaterVersion":true}
            """;

    static final String CI_CREATING = """
            {"name":"ci","phase":"Creating","progress":{"step":2,"total":6,"text":"Preparing nodes"},
             "configHash":"sha256:def","createdAt":"2025-03-31T11:00:00.123Z"}
            """;

    private final TestCertificate certificate = TestCertificate.selfSigned("127.0.0.1");
    private FakeKindServer server;
    private KindServerClient client;

    @BeforeEach
    void start() {
        server = FakeKindServer.https(certificate);
        client = KindServerClients.builder()
                .endpoint(server.endpoint())
                .password(PASSWORD)
                .caBundlePem(certificate.pem())
                .build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void listReturnsEveryClusterWithItsFields() {
        server.answer("GET", "", 200, "{\"clusters\":[" + DEV + "," + CI_CREATING + "]}");

        List<ClusterInfo> clusters = client.list();

        assertEquals(
                List.of("dev", "ci"), clusters.stream().map(ClusterInfo::name).toList());
        ClusterInfo dev = clusters.get(0);
        assertEquals(ClusterPhase.Ready, dev.phase());
        assertEquals(Instant.parse("2025-03-31T10:15:30Z"), dev.createdAt());
        assertEquals(List.of(new NodeInfo("dev-control-plane", "control-plane", "running", "192.0.2.11")), dev.nodes());
        ClusterInfo ci = clusters.get(1);
        assertEquals(new Progress(2, 6, "Preparing nodes"), ci.progress());
        assertEquals(Instant.parse("2025-03-31T11:00:00.123Z"), ci.createdAt());
        assertEquals(List.of(), ci.nodes());
    }

    @Test
    void findReturnsTheClusterWithItsKubeconfigs() {
        server.answer("GET", "/dev", 200, DEV);

        ClusterInfo dev = client.find("dev").orElseThrow();

        assertEquals("apiVersion: v1\nkind: Config\n", dev.kubeconfig());
        assertEquals("https://192.0.2.10:36443", dev.endpoint());
        assertEquals("v1.31.0", dev.kubernetesVersion());
        assertNull(dev.message());
    }

    @Test
    void findIsEmptyWhenKindServerDoesNotKnowTheCluster() {
        server.answer("GET", "/gone", 404, "{\"error\":\"cluster_not_found\",\"message\":\"cluster gone not found\"}");

        assertEquals(Optional.empty(), client.find("gone"));
    }

    @Test
    void createPostsTheKindConfigAsJsonAndReturnsTheAcceptedCluster() throws Exception {
        String kindConfig = "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nname: \"ci\"\n";
        server.answer("POST", "/ci", 202, CI_CREATING);

        ClusterInfo ci = client.create("ci", kindConfig);

        assertEquals(ClusterPhase.Creating, ci.phase());
        FakeKindServer.Received post = server.received().get(0);
        assertEquals("POST", post.method());
        assertEquals(FakeKindServer.BASE_PATH + "/ci", post.rawPath());
        assertEquals("application/json", post.contentType());
        assertEquals(
                kindConfig,
                new ObjectMapper().readTree(post.body()).get("kindConfig").asText());
    }

    @Test
    void createSendsTheOwnerAndTheClusterCarriesItBack() throws Exception {
        String owner = "3f0c1a2b-kube-system/9d8e7f6a-kindcluster";
        server.answer(
                "POST",
                "/ci",
                202,
                CI_CREATING.replace("\"name\":\"ci\"", "\"name\":\"ci\",\"owner\":\"" + owner + "\""));

        ClusterInfo ci = client.create("ci", "kind: Cluster\n", owner);

        assertEquals(owner, ci.owner());
        assertEquals(
                owner,
                new ObjectMapper()
                        .readTree(server.received().get(0).body())
                        .get("owner")
                        .asText());
    }

    @Test
    void createWithoutAnOwnerSendsNoneAndAClusterWithoutOneHasNone() throws Exception {
        server.answer("POST", "/dev", 200, DEV);

        ClusterInfo dev = client.create("dev", "kind: Cluster\n");

        assertNull(dev.owner());
        assertFalse(new ObjectMapper().readTree(server.received().get(0).body()).has("owner"));
    }

    @Test
    void createReturnsTheExistingClusterWhenItHasTheSameConfig() {
        server.answer("POST", "/dev", 200, DEV);

        assertEquals(ClusterPhase.Ready, client.create("dev", "kind: Cluster\n").phase());
    }

    @ParameterizedTest
    @ValueSource(ints = {202, 200, 204})
    void deleteIsTrueWhenKindServerAcceptsIt(int status) {
        server.answer("DELETE", "/dev", status, status == 204 ? null : DEV);

        assertTrue(client.delete("dev"));
        assertEquals("DELETE", server.received().get(0).method());
    }

    @Test
    void deleteIsFalseWhenTheClusterIsAlreadyGone() {
        server.answer(
                "DELETE", "/gone", 404, "{\"error\":\"cluster_not_found\",\"message\":\"cluster gone not found\"}");

        assertFalse(client.delete("gone"));
    }

    @Test
    void sendsThePasswordAsBearerTokenOnEveryCall() {
        server.answer("GET", "", 200, "{\"clusters\":[]}")
                .answer("GET", "/dev", 200, DEV)
                .answer("POST", "/dev", 200, DEV)
                .answer("DELETE", "/dev", 202, DEV);

        client.list();
        client.find("dev");
        client.create("dev", "kind: Cluster\n");
        client.delete("dev");

        assertEquals(
                List.of("Bearer " + PASSWORD, "Bearer " + PASSWORD, "Bearer " + PASSWORD, "Bearer " + PASSWORD),
                server.received().stream()
                        .map(FakeKindServer.Received::authorization)
                        .toList());
    }

    @Test
    void dropsTheTrailingNewlineThatASecretMadeFromAFileCarries() {
        server.answer("GET", "", 200, "{\"clusters\":[]}");
        KindServerClient fromSecret = KindServerClients.builder()
                .endpoint(server.endpoint())
                .password(PASSWORD + "\n")
                .caBundlePem(certificate.pem())
                .build();

        fromSecret.list();

        assertEquals("Bearer " + PASSWORD, server.received().get(0).authorization());
    }

    @Test
    void encodesTheClusterNameAsOnePathSegment() {
        server.answer("GET", "/a%20b%2Fc%3Fd%23e", 404, "{\"error\":\"cluster_not_found\",\"message\":\"unknown\"}");

        assertTrue(client.find("a b/c?d#e").isEmpty());

        assertEquals(
                FakeKindServer.BASE_PATH + "/a%20b%2Fc%3Fd%23e",
                server.received().get(0).rawPath());
    }

    @Test
    void acceptsAnEndpointWrittenWithATrailingSlash() {
        server.answer("GET", "", 200, "{\"clusters\":[]}").answer("GET", "/dev", 200, DEV);
        KindServerClient slashed = KindServerClients.builder()
                .endpoint(server.endpoint() + "/")
                .password(PASSWORD)
                .caBundlePem(certificate.pem())
                .build();

        assertEquals(List.of(), slashed.list());
        assertTrue(slashed.find("dev").isPresent());
        assertEquals(
                List.of(FakeKindServer.BASE_PATH, FakeKindServer.BASE_PATH + "/dev"),
                server.received().stream().map(FakeKindServer.Received::rawPath).toList());
    }
}
