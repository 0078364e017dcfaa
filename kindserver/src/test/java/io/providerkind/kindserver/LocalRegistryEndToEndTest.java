package io.providerkind.kindserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.providerkind.kindserver.config.RegistrySettings;
import io.providerkind.kindserver.testing.ExampleConfigs;
import io.providerkind.kindserver.testing.KindContainers;
import io.providerkind.kindserver.testing.KindServerFixture;
import io.providerkind.kindserver.testing.KubeconfigClients;
import io.providerkind.kindserver.testing.TestImages;
import io.providerkind.kindserver.testing.TestRegistry;
import io.providerkind.sdk.BadRequestException;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.ClusterPhase;
import io.providerkind.sdk.ConfigHash;
import io.providerkind.sdk.KindServerClient;
import io.providerkind.sdk.LocalRegistry;
import io.providerkind.testsupport.process.DockerCli;
import io.providerkind.testsupport.realparts.RequiresDocker;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kindserver with {@code --registry} on the real Docker engine, the kind test double and a real distribution
 * registry: every cluster it makes is wired to the registry as kind's local-registry recipe does, so that an image
 * the host pushes there is pulled by the nodes, and the user's own registry mirrors move to hosts.toml files beside
 * the registry's; the registry outlives kindserver's restarts and its clusters.
 */
@RequiresDocker
class LocalRegistryEndToEndTest {

    static final String WIRED = "ksh-reg-wired";
    private static final String KEPT = "ksh-reg-kept";
    private static final String REFUSED = "ksm-reg-refused";
    private static final String MIRRORED = "ksm-reg-mirrored";
    private static final String USER_PATCH =
            "[plugins.\"io.containerd.grpc.v1.cri\".containerd]\n  discard_unpacked_layers = false";
    static final String CONFIG = KindServerEndToEndTest.CONFIG + "nodes:\n- role: control-plane\n- role: worker\n"
            + "containerdConfigPatches:\n- |-\n  " + USER_PATCH.replace("\n", "\n  ") + "\n";
    static final DockerCli DOCKER = new DockerCli(Duration.ofMinutes(2));
    static final String TAG = "ksh-" + ProcessHandle.current().pid();

    @TempDir
    static Path stateDir;

    static RegistrySettings registry;
    static KindServerFixture kindserver;
    static ClusterInfo wired;

    @BeforeAll
    static void startWithARegistryAndMakeACluster() {
        registry = TestRegistry.settings("reg-" + ProcessHandle.current().pid());
        TestRegistry.remove(registry.containerName());
        kindserver = KindServerFixture.start(stateDir, registry);
        kindserver.client().create(WIRED, CONFIG);
        wired = KindServerEndToEndTest.awaitPhase(kindserver.client(), WIRED, ClusterPhase.Ready);
        assertEquals(ClusterPhase.Ready, wired.phase(), "message: " + wired.message());
    }

    @AfterAll
    static void removeEverything() throws IOException {
        if (kindserver != null) {
            kindserver.close();
        }
        KindContainers.removeAll(WIRED, KEPT, REFUSED, MIRRORED);
        if (registry != null) {
            TestRegistry.remove(registry.containerName());
        }
        for (String image :
                List.of("ksh/tiny:" + TAG, "ksh/other:" + TAG, registry == null ? "" : pushedName(registry))) {
            if (!image.isEmpty()) {
                DOCKER.run("image", "rm", "-f", image);
            }
        }
    }

    static String pushedName(RegistrySettings registry) {
        return registry.hostAddress() + "/ksh/app:" + TAG;
    }

    @Test
    void theListNamesTheRegistryByItsHostAndItsClusterAddress() {
        assertEquals(
                Optional.of(new LocalRegistry(registry.hostAddress(), registry.containerName() + ":5000")),
                kindserver.client().registry());
    }

    @Test
    void everyNodeMapsTheRegistrysHostNamesToItAndContainerdReadsThemBesideTheUsersPatch() throws IOException {
        List<String> nodes = KindContainers.names(WIRED);
        assertEquals(List.of(WIRED + "-control-plane", WIRED + "-worker"), nodes);
        String localhost = "localhost:" + registry.published().port();
        for (String node : nodes) {
            for (String host : List.of(registry.hostAddress(), localhost)) {
                String hostsToml = DOCKER.check("exec", node, "cat", "/etc/containerd/certs.d/" + host + "/hosts.toml");
                assertTrue(
                        hostsToml.contains("[host.\"http://" + registry.containerName() + ":5000\"]"),
                        node + " " + host + ":\n" + hostsToml);
            }
            String containerd = DOCKER.check("exec", node, "cat", "/etc/containerd/config.toml");
            assertTrue(containerd.contains("config_path = \"/etc/containerd/certs.d\""), node + ":\n" + containerd);
            assertTrue(
                    containerd.contains("discard_unpacked_layers = false"), "the user's patch is kept:\n" + containerd);
        }
    }

    @Test
    void theClustersApiServerAnswersTheLocalRegistryHostingConfigMap() throws Exception {
        HttpResponse<String> answer = KubeconfigClients.get(
                wired.kubeconfig(), "/api/v1/namespaces/kube-public/configmaps/local-registry-hosting");

        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode configMap = new ObjectMapper().readTree(answer.body());
        String hosting = configMap.path("data").path("localRegistryHosting.v1").asText();
        assertTrue(hosting.contains("host: \"" + registry.hostAddress() + "\""), hosting);
        assertTrue(hosting.contains("hostFromClusterNetwork: \"" + registry.containerName() + ":5000\""), hosting);
    }

    @Test
    void anImagePushedFromTheHostIsPulledByEveryNodeUnderBothHostNames() throws IOException {
        TestImages.importImage("ksh/tiny:" + TAG, Map.of("hello.txt", "pushed from the host\n"));
        DOCKER.check("tag", "ksh/tiny:" + TAG, pushedName(registry));
        DOCKER.check("push", pushedName(registry));

        for (String node : KindContainers.names(WIRED)) {
            DOCKER.check("exec", node, "crictl", "pull", pushedName(registry));
            String viaLocalhost = "localhost:" + registry.published().port() + "/ksh/app:" + TAG;
            DOCKER.check("exec", node, "crictl", "pull", viaLocalhost);
            String images = DOCKER.check("exec", node, "crictl", "images");
            assertTrue(images.contains(registry.hostAddress() + "/ksh/app"), node + ":\n" + images);
            assertTrue(images.contains("localhost:" + registry.published().port() + "/ksh/app"), images);
        }
    }

    @Test
    void aRestartedKindServerAdoptsItsRegistryAndADeletedClusterLeavesItRunning() throws Exception {
        String before = DOCKER.check("inspect", "-f", "{{.Id}}", registry.containerName());
        kindserver.client().create(KEPT, KindServerEndToEndTest.CONFIG);
        assertEquals(
                ClusterPhase.Ready,
                KindServerEndToEndTest.awaitPhase(kindserver.client(), KEPT, ClusterPhase.Ready)
                        .phase());

        kindserver.restart();
        KindServerClient client = kindserver.client();
        assertEquals(
                before, DOCKER.check("inspect", "-f", "{{.Id}}", registry.containerName()), "adopted, not made anew");
        assertEquals(Optional.of(registry.toLocalRegistry()), client.registry());
        assertTrue(client.delete(KEPT));
        KindServerEndToEndTest.awaitGone(client, KEPT);

        assertEquals(
                "true " + before,
                DOCKER.check("inspect", "-f", "{{.State.Running}} {{.Id}}", registry.containerName()),
                "the registry is never deleted with a cluster");
        assertEquals(200, TestRegistry.get(registry, "/v2/").statusCode());
        assertEquals(ClusterPhase.Ready, client.get(WIRED).phase(), "the other cluster is untouched");
    }

    @Test
    void theExamplesMirrorPatchIsReadyWithItsMirrorInAHostsTomlOfEveryNodeBesideTheRegistrys() throws IOException {
        String config = KindServerEndToEndTest.CONFIG + "nodes:\n- role: control-plane\n- role: worker\n"
                + "containerdConfigPatches:\n- |-\n  "
                + ExampleConfigs.giteaMirrorPatch().replace("\n", "\n  ") + "\n";

        kindserver.client().create(MIRRORED, config);
        ClusterInfo ready = KindServerEndToEndTest.awaitPhase(kindserver.client(), MIRRORED, ClusterPhase.Ready);

        assertEquals(ClusterPhase.Ready, ready.phase(), "message: " + ready.message());
        assertEquals(ConfigHash.of(config), ready.configHash(), "the hash is of the config as the user gave it");
        List<String> nodes = KindContainers.names(MIRRORED);
        assertEquals(List.of(MIRRORED + "-control-plane", MIRRORED + "-worker"), nodes);
        for (String node : nodes) {
            assertEquals(
                    "# from the kind config's containerdConfigPatches (registry.mirrors/configs), carried over by"
                            + " kindserver for config_path\n"
                            + "server = \"https://gitea.cnoe.localtest.me:443\"\n\n"
                            + "[host.\"https://gitea.cnoe.localtest.me\"]\n"
                            + "  capabilities = [\"pull\", \"resolve\"]\n"
                            + "  skip_verify = true\n",
                    fileIn(node, "/etc/containerd/certs.d/gitea.cnoe.localtest.me:443/hosts.toml"),
                    node);
            String registryHosts = DOCKER.check(
                    "exec", node, "cat", "/etc/containerd/certs.d/" + registry.hostAddress() + "/hosts.toml");
            assertTrue(
                    registryHosts.contains("[host.\"http://" + registry.containerName() + ":5000\"]"), registryHosts);
            String containerd = DOCKER.check("exec", node, "cat", "/etc/containerd/config.toml");
            assertTrue(containerd.contains("config_path = \"/etc/containerd/certs.d\""), node + ":\n" + containerd);
            assertFalse(containerd.contains("mirrors"), node + ":\n" + containerd);
            assertFalse(containerd.contains("insecure_skip_verify"), node + ":\n" + containerd);
        }
    }

    /** A file in a node, word for word (DockerCli.check trims). */
    private static String fileIn(String node, String path) throws IOException {
        DockerCli.Result cat = DOCKER.run("exec", node, "cat", path);
        assertEquals(0, cat.exitCode(), node + " " + path + ": " + cat.err());
        return cat.out();
    }

    @Test
    void aMirrorSettingHostsTomlCannotSayIsRefusedBeforeKindRunsNamingIt() {
        String rewrite = KindServerEndToEndTest.CONFIG + "containerdConfigPatches:\n- |-\n"
                + "  [plugins.\"io.containerd.grpc.v1.cri\".registry.mirrors.\"gitea.cnoe.localtest.me:443\"]\n"
                + "    endpoint = [\"https://gitea.cnoe.localtest.me\"]\n"
                + "    rewrite = { \"^library/(.*)\" = \"mirror/$1\" }\n";

        BadRequestException refused = assertThrows(
                BadRequestException.class, () -> kindserver.client().create(REFUSED, rewrite));

        assertEquals(400, refused.status());
        assertTrue(
                refused.getMessage()
                        .contains("containerdConfigPatches[0] sets registry.mirrors.\"gitea.cnoe.localtest.me:443\""
                                + ".rewrite"),
                refused.getMessage());
        assertEquals(Optional.empty(), kindserver.client().find(REFUSED), "nothing recorded");
        assertTrue(KindContainers.of(REFUSED).isEmpty(), "kind never ran");
    }

    @Test
    void aMirrorOfTheLocalRegistrysOwnHostNameIsRefusedBeforeKindRuns() {
        String own = KindServerEndToEndTest.CONFIG + "containerdConfigPatches:\n- |-\n"
                + "  [plugins.\"io.containerd.grpc.v1.cri\".registry.mirrors.\"" + registry.hostAddress() + "\"]\n"
                + "    endpoint = [\"https://elsewhere.example\"]\n";

        BadRequestException refused = assertThrows(
                BadRequestException.class, () -> kindserver.client().create(REFUSED, own));

        assertTrue(refused.getMessage().contains("which is kindserver's local registry"), refused.getMessage());
        assertEquals(Optional.empty(), kindserver.client().find(REFUSED), "nothing recorded");
    }
}
