package io.providerkind.provider.kindcluster;

import static io.providerkind.provider.testing.ProviderHarness.holdsFor;
import static io.providerkind.provider.testing.ProviderHarness.waitUpTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.providerkind.kindserver.testing.KindContainers;
import io.providerkind.kindserver.testing.KindServerFixture;
import io.providerkind.provider.ProviderSettings;
import io.providerkind.provider.api.DeletionPolicy;
import io.providerkind.provider.api.KindCluster;
import io.providerkind.provider.api.KindServerEndpoint;
import io.providerkind.provider.api.ManagementAction;
import io.providerkind.provider.api.SecretReference;
import io.providerkind.provider.api.TestKindClusters;
import io.providerkind.provider.managed.Annotations;
import io.providerkind.provider.testing.NamespacedApi;
import io.providerkind.provider.testing.ProviderHarness;
import io.providerkind.provider.testing.ProviderIntegrationTest;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.testsupport.realparts.RequiresDocker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two KindClusters that name one kind cluster, on real parts (a real API server, the provider with the SDK's HTTP
 * client, a real kindserver driving the kind double on the Docker engine): the first owns it, the second never shares
 * it, and deleting the second leaves it to the first; for the legacy KindCluster and for namespaced ones in two
 * tenants' namespaces.
 */
@RequiresDocker
class KindClusterOwnershipOnRealKindServerTest extends ProviderIntegrationTest {

    private static final Duration CREATE = Duration.ofMinutes(3);
    private static final Duration REAL_PARTS_WAIT = Duration.ofSeconds(60);
    private static final String SHARED = "pv-e2e-owned";

    @TempDir
    static Path stateDir;

    private static KindServerFixture kindserver;

    @BeforeAll
    static void startKindServer() {
        kindserver = KindServerFixture.start(stateDir);
    }

    @AfterAll
    static void stopKindServer() {
        if (kindserver != null) {
            kindserver.deleteClusters(name -> name.equals(SHARED) || name.equals("dev"), CREATE);
            kindserver.close();
        }
    }

    @Test
    void aSecondKindClusterNamingTheSameClusterNeverSharesItAndDeletingItLeavesItToTheFirst() {
        ProviderHarness harness = startProvider(
                ProviderSettings.defaults().withPoll(Duration.ofSeconds(2)).withBusyPoll(Duration.ofMillis(500)),
                new SdkKindServerClientFactory(Duration.ofSeconds(5), Duration.ofSeconds(30)));
        harness.applyProviderConfig(
                "default",
                new KindServerEndpoint(kindserver.baseUrl().toString(), kindserver.caPem(), null),
                kindserver.password(),
                null);
        harness.apply(naming("first", null));
        harness.awaitCondition("first", "Ready", "True", "Available", CREATE);
        String owner = managementCluster(harness) + "/"
                + harness.get("first").getMetadata().getUid();
        assertEquals(owner, kindserver.client().get(SHARED).owner(), "kindserver keeps the first as the owner");

        harness.apply(naming("second", new SecretReference("second-conn", "default")));

        harness.awaitCondition("second", "Synced", "False", "ReconcileError", REAL_PARTS_WAIT);
        String synced = harness.condition("second", "Synced").orElseThrow().message();
        assertTrue(synced.contains("belongs to owner \"" + owner + "\""), synced);
        holdsFor(
                "the second is never Ready and gets no kubeconfig",
                Duration.ofSeconds(5),
                () -> !"True"
                                .equals(harness.condition("second", "Ready")
                                        .map(c -> c.status())
                                        .orElse(null))
                        && harness.secret("default", "second-conn") == null);

        harness.client().resource(harness.get("second")).delete();
        waitUpTo(REAL_PARTS_WAIT, "the second KindCluster is gone").until(() -> harness.get("second") == null);
        holdsFor(
                "the cluster stays, still the first's, and the first stays Ready",
                Duration.ofSeconds(5),
                () -> kindserver
                                .client()
                                .find(SHARED)
                                .map(ClusterInfo::owner)
                                .orElse("")
                                .equals(owner)
                        && "True"
                                .equals(harness.condition("first", "Ready")
                                        .map(c -> c.status())
                                        .orElse(null)));
        assertEquals(1, KindContainers.of(SHARED).size());
        assertNull(harness.secret("default", "second-conn"));
    }

    @Test
    void teamBsDevNeverSharesTeamAsDevAndDeletingItLeavesItToTeamA() {
        ProviderHarness harness = startProvider(
                ProviderSettings.defaults().withPoll(Duration.ofSeconds(2)).withBusyPoll(Duration.ofMillis(500)),
                new SdkKindServerClientFactory(Duration.ofSeconds(5), Duration.ofSeconds(30)));
        NamespacedApi api = new NamespacedApi(harness.client());
        api.namespace("team-a");
        api.namespace("team-b");
        api.clusterProviderConfig(
                "default",
                new KindServerEndpoint(kindserver.baseUrl().toString(), kindserver.caPem(), null),
                kindserver.password());
        api.apply("team-a", "dev", null);
        api.awaitCondition("team-a", "dev", "Ready", "True", CREATE);
        String owner = managementCluster(harness) + "/"
                + api.get("team-a", "dev").getMetadata().getUid();
        assertEquals(owner, kindserver.client().get("dev").owner(), "kindserver keeps team-a's dev as the owner");

        api.apply("team-b", "dev", null);

        api.awaitCondition("team-b", "dev", "Synced", "False", REAL_PARTS_WAIT);
        String synced = api.condition("team-b", "dev", "Synced").orElseThrow().message();
        assertTrue(synced.contains("belongs to owner \"" + owner + "\""), synced);
        holdsFor(
                "team-b's dev is never Ready and gets no kubeconfig",
                Duration.ofSeconds(5),
                () -> !"True"
                                .equals(api.condition("team-b", "dev", "Ready")
                                        .map(c -> c.status())
                                        .orElse(null))
                        && harness.secret("team-b", "dev-conn") == null);

        harness.client().resource(api.get("team-b", "dev")).delete();
        waitUpTo(REAL_PARTS_WAIT, "team-b's dev is gone").until(() -> api.get("team-b", "dev") == null);
        holdsFor(
                "the cluster stays team-a's, and team-a's dev stays Ready with its kubeconfig",
                Duration.ofSeconds(5),
                () -> kindserver
                                .client()
                                .find("dev")
                                .map(ClusterInfo::owner)
                                .orElse("")
                                .equals(owner)
                        && "True"
                                .equals(api.condition("team-a", "dev", "Ready")
                                        .map(c -> c.status())
                                        .orElse(null))
                        && harness.secret("team-a", "dev-conn") != null);
        assertEquals(1, KindContainers.of("dev").size());
        assertNull(harness.secret("team-b", "dev-conn"));
    }

    private static String managementCluster(ProviderHarness harness) {
        return harness.client()
                .configMaps()
                .inNamespace(ProviderHarness.CREDENTIALS_NAMESPACE)
                .withName(ClusterOwners.IDENTITY_CONFIG_MAP)
                .get()
                .getData()
                .get(ClusterOwners.IDENTITY_KEY);
    }

    /** A KindCluster named {@code name} whose kind cluster is {@link #SHARED}, deleted with its KindCluster. */
    private static KindCluster naming(String name, SecretReference connection) {
        KindCluster cluster = TestKindClusters.applied(
                name, TestKindClusters.SEED_CONFIG, connection, DeletionPolicy.Delete, List.of(ManagementAction.All));
        cluster.getMetadata().setAnnotations(Map.of(Annotations.EXTERNAL_NAME, SHARED));
        return cluster;
    }
}
