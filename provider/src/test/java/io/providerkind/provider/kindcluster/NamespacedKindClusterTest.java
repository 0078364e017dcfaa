package io.providerkind.provider.kindcluster;

import static io.providerkind.provider.testing.ProviderHarness.holdsFor;
import static io.providerkind.provider.testing.ProviderHarness.waitUpTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Secret;
import io.providerkind.provider.api.CredentialsSource;
import io.providerkind.provider.api.EnvironmentSelector;
import io.providerkind.provider.api.ProviderCredentials;
import io.providerkind.provider.api.m.ClusterProviderConfig;
import io.providerkind.provider.api.m.KindCluster;
import io.providerkind.provider.api.m.ProviderConfig;
import io.providerkind.provider.api.m.ProviderConfigKind;
import io.providerkind.provider.api.m.ProviderConfigReference;
import io.providerkind.provider.api.m.ProviderConfigUsage;
import io.providerkind.provider.testing.FakeKindServer;
import io.providerkind.provider.testing.NamespacedApi;
import io.providerkind.provider.testing.ProviderHarness;
import io.providerkind.provider.testing.ProviderIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Crossplane v2's namespaced KindCluster on a real API server: through the ClusterProviderConfig a platform team
 * shares and through a tenant's own ProviderConfig, with the connection Secret in the KindCluster's namespace, and
 * tenants that never share a kindserver client or credentials. Each password gets a kindserver of its own here, so
 * a cluster created on the wrong one shows which credentials were used.
 */
class NamespacedKindClusterTest extends ProviderIntegrationTest {

    private static final ProviderConfigReference OWN_DEFAULT =
            new ProviderConfigReference(ProviderConfigKind.ProviderConfig, "default");

    private final Map<String, FakeKindServer> byPassword = new ConcurrentHashMap<>();
    private final AtomicInteger clientsMade = new AtomicInteger();
    private ProviderHarness harness;
    private NamespacedApi api;

    @BeforeEach
    void startTheProvider() {
        harness = startProvider(FAST_POLL, connection -> {
            clientsMade.incrementAndGet();
            return kindserver(connection.password());
        });
        api = new NamespacedApi(harness.client());
        api.namespace("team-a");
        api.namespace("team-b");
    }

    @Test
    void tenantsClustersBecomeReadyThroughTheSharedAndTheirOwnProviderConfigWithTheirSecretBesideThem() {
        api.clusterProviderConfig("default", "platform-password");
        api.providerConfig("team-a", "default", "team-a-password");
        api.providerConfig("team-b", "default", "team-b-password");

        api.apply("team-a", "shared", null);
        api.apply("team-a", "dev", OWN_DEFAULT);
        api.apply("team-b", "dev", OWN_DEFAULT);

        waitUpTo(WAIT, "each cluster is asked of the kindserver its ProviderConfig's password opens")
                .until(() -> kindserver("platform-password").has("shared")
                        && kindserver("team-a-password").has("dev")
                        && kindserver("team-b-password").has("dev"));
        assertFalse(kindserver("platform-password").has("dev"), "no tenant cluster on the shared credentials");
        assertEquals(1, kindserver("team-a-password").creates.get(), "team-a's dev once, on team-a's kindserver");
        assertEquals(1, kindserver("team-b-password").creates.get(), "team-b's dev once, on team-b's kindserver");

        kindserver("platform-password").ready("shared");
        kindserver("team-a-password").ready("dev");
        kindserver("team-b-password").ready("dev");
        for (String[] cluster : new String[][] {{"team-a", "shared"}, {"team-a", "dev"}, {"team-b", "dev"}}) {
            api.awaitCondition(cluster[0], cluster[1], "Ready", "True", WAIT);
            assertConnectionSecretBeside(api.get(cluster[0], cluster[1]));
        }
        assertEquals(
                new ProviderConfigReference(ProviderConfigKind.ClusterProviderConfig, "default"),
                api.get("team-a", "shared").getSpec().providerConfigRef(),
                "the CRD's default");
        assertUsage(api.get("team-a", "shared"), ProviderConfigKind.ClusterProviderConfig);
        assertUsage(api.get("team-b", "dev"), ProviderConfigKind.ProviderConfig);

        assertEquals(3, clientsMade.get(), "one kindserver client per ProviderConfig");
        holdsFor(
                "no ProviderConfig's client is replaced by another's while all three are polled",
                Duration.ofSeconds(3),
                () -> clientsMade.get() == 3);
    }

    @Test
    void aTenantsProviderConfigReadsOnlyASecretOfItsOwnNamespace() {
        api.password("team-b", "stolen", "team-b-password");
        api.providerConfig("team-a", "default", NamespacedApi.secretCredentials("team-b", "stolen"));
        api.apply("team-a", "dev", OWN_DEFAULT);
        api.providerConfig(
                "team-b",
                "default",
                new ProviderCredentials(CredentialsSource.Environment, null, new EnvironmentSelector("HOME"), null));
        api.apply("team-b", "dev", OWN_DEFAULT);

        api.awaitCondition("team-a", "dev", "Synced", "False", WAIT);
        api.awaitCondition("team-b", "dev", "Synced", "False", WAIT);
        assertTrue(
                api.condition("team-a", "dev", "Synced")
                        .orElseThrow()
                        .message()
                        .contains("secretRef.namespace must be \"team-a\""),
                api.condition("team-a", "dev", "Synced").orElseThrow().message());
        assertTrue(
                api.condition("team-b", "dev", "Synced").orElseThrow().message().contains("source must be Secret"),
                api.condition("team-b", "dev", "Synced").orElseThrow().message());
        assertEquals(0, clientsMade.get(), "no kindserver is called with credentials a tenant may not use");
    }

    @Test
    void providerConfigsOfEitherKindInUseAreNotDeletedUntilTheirUsersAreGone() {
        api.clusterProviderConfig("platform", "platform-password");
        api.providerConfig("team-b", "own", "team-b-password");
        api.apply("team-a", "a", new ProviderConfigReference(ProviderConfigKind.ClusterProviderConfig, "platform"));
        api.apply("team-b", "b", new ProviderConfigReference(ProviderConfigKind.ProviderConfig, "own"));
        waitUpTo(WAIT, "each ProviderConfig counts its user")
                .until(() -> Long.valueOf(1)
                                .equals(clusterConfig("platform").getStatus().users())
                        && Long.valueOf(1).equals(ownConfig().getStatus().users()));

        harness.client().resource(clusterConfig("platform")).delete();
        harness.client().resource(ownConfig()).delete();
        waitUpTo(WAIT, "both say they are kept for their users")
                .until(() -> terminating(clusterConfig("platform").getStatus().conditions())
                        && terminating(ownConfig().getStatus().conditions()));
        holdsFor(
                "neither is deleted while in use",
                Duration.ofSeconds(2),
                () -> clusterConfig("platform") != null && ownConfig() != null);

        for (KindCluster cluster : new KindCluster[] {api.get("team-a", "a"), api.get("team-b", "b")}) {
            harness.client().resource(cluster).delete();
            waitUpTo(WAIT, "the KindCluster is gone")
                    .until(() -> api.get(
                                    cluster.getMetadata().getNamespace(),
                                    cluster.getMetadata().getName())
                            == null);
            // kube-api-test runs no garbage collector: remove the usage as it would, its owner being gone
            harness.client()
                    .resources(ProviderConfigUsage.class)
                    .inNamespace(cluster.getMetadata().getNamespace())
                    .withName(cluster.getMetadata().getUid())
                    .delete();
        }
        waitUpTo(WAIT, "both are deleted once unused")
                .until(() -> clusterConfig("platform") == null && ownConfig() == null);
    }

    @Test
    void aNamespacedClustersDriftIsAlertedOnceByTheNamespacedController() {
        api.clusterProviderConfig("default", "platform-password");
        api.apply("team-a", "drifting", null);
        waitUpTo(WAIT, "kindserver creates it")
                .until(() -> kindserver("platform-password").has("drifting"));
        kindserver("platform-password").ready("drifting");
        api.awaitCondition("team-a", "drifting", "Ready", "True", WAIT);

        kindserver("platform-password").stopNodes("drifting");

        api.awaitCondition("team-a", "drifting", DriftAlerts.CONDITION, "True", WAIT);
        waitUpTo(WAIT, "the drift Event")
                .until(() -> events("team-a", "drifting").stream()
                        .anyMatch(e -> e.getReason().equals(DriftAlerts.EVENT_DETECTED)));
        List<Event> events = events("team-a", "drifting");
        assertEquals(
                1,
                events.stream()
                        .filter(e -> e.getReason().equals(DriftAlerts.EVENT_DETECTED))
                        .count());
        assertEquals(
                Set.of(NamespacedKindClusterController.NAME),
                events.stream().map(e -> e.getSource().getComponent()).collect(Collectors.toSet()),
                "every Event about it names the namespaced controller");
    }

    private List<Event> events(String namespace, String name) {
        return harness.client()
                .v1()
                .events()
                .inNamespace(namespace)
                .withField("involvedObject.name", name)
                .list()
                .getItems();
    }

    private FakeKindServer kindserver(String password) {
        return byPassword.computeIfAbsent(password, p -> new FakeKindServer());
    }

    private void assertConnectionSecretBeside(KindCluster ready) {
        String namespace = ready.getMetadata().getNamespace();
        String name = ready.getMetadata().getName() + "-conn";
        waitUpTo(WAIT, namespace + "/" + name + " holds the kubeconfig").until(() -> {
            Secret s = harness.secret(namespace, name);
            return s != null && s.getData() != null && s.getData().containsKey("kubeconfig");
        });
        Secret secret = harness.secret(namespace, name);
        String endpoint =
                new String(Base64.getDecoder().decode(secret.getData().get("endpoint")), StandardCharsets.UTF_8);
        assertEquals(ready.atProvider().endpoint(), endpoint);
        assertEquals(
                ready.getMetadata().getUid(),
                secret.getMetadata().getOwnerReferences().get(0).getUid());
    }

    private void assertUsage(KindCluster cluster, ProviderConfigKind kind) {
        ProviderConfigUsage usage = harness.client()
                .resources(ProviderConfigUsage.class)
                .inNamespace(cluster.getMetadata().getNamespace())
                .withName(cluster.getMetadata().getUid())
                .get();
        assertNotNull(usage, "a usage in the KindCluster's namespace, named after its UID");
        assertEquals(kind, usage.getProviderConfigRef().kind());
        assertEquals(
                Map.of(
                        ProviderConfigUsage.PROVIDER_CONFIG_LABEL,
                        usage.getProviderConfigRef().name(),
                        ProviderConfigUsage.PROVIDER_CONFIG_KIND_LABEL,
                        kind.name()),
                usage.getMetadata().getLabels());
        assertEquals(cluster.getMetadata().getName(), usage.getResourceRef().name());
        assertEquals(KindCluster.GROUP + "/v1alpha1", usage.getResourceRef().apiVersion());
        assertNull(
                harness.client()
                        .resources(io.providerkind.provider.api.ProviderConfigUsage.class)
                        .withName(cluster.getMetadata().getUid())
                        .get(),
                "no legacy usage");
    }

    private ClusterProviderConfig clusterConfig(String name) {
        return harness.client()
                .resources(ClusterProviderConfig.class)
                .withName(name)
                .get();
    }

    private ProviderConfig ownConfig() {
        return harness.client()
                .resources(ProviderConfig.class)
                .inNamespace("team-b")
                .withName("own")
                .get();
    }

    private static boolean terminating(java.util.List<io.providerkind.provider.api.Condition> conditions) {
        return conditions.stream().anyMatch(c -> "Terminating".equals(c.type()) && c.isTrue());
    }
}
