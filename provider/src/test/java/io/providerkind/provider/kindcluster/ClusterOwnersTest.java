package io.providerkind.provider.kindcluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.providerkind.provider.testing.ProviderHarness;
import io.providerkind.provider.testing.ProviderIntegrationTest;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The management cluster's identity in the owner of every kind cluster, kept in a ConfigMap on a real API server. */
class ClusterOwnersTest extends ProviderIntegrationTest {

    private static final String NAMESPACE = ProviderHarness.CREDENTIALS_NAMESPACE;

    private KubernetesClient client;

    @BeforeEach
    void withoutAnIdentityYet() {
        client = withoutProvider().client();
        client.configMaps()
                .inNamespace(NAMESPACE)
                .withName(ClusterOwners.IDENTITY_CONFIG_MAP)
                .delete();
    }

    @Test
    void theFirstStartMakesAnImmutableIdentityThatEveryLaterStartReads() {
        ClusterOwners first = ClusterOwners.read(client, NAMESPACE);
        ClusterOwners restarted = ClusterOwners.read(client, NAMESPACE);

        assertEquals(first, restarted);
        assertEquals(
                first.managementCluster(),
                UUID.fromString(first.managementCluster()).toString(),
                "a UUID");
        ConfigMap stored = identity();
        assertEquals(first.managementCluster(), stored.getData().get(ClusterOwners.IDENTITY_KEY));
        assertEquals(Boolean.TRUE, stored.getImmutable(), "kept from edits by the API server");
    }

    @Test
    void replicasStartingAtOnceAgreeOnOneIdentity() {
        List<CompletableFuture<ClusterOwners>> starts = IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> ClusterOwners.read(client, NAMESPACE)))
                .toList();

        Set<ClusterOwners> read = starts.stream().map(CompletableFuture::join).collect(Collectors.toSet());
        assertEquals(Set.of(new ClusterOwners(identity().getData().get(ClusterOwners.IDENTITY_KEY))), read);
    }

    @Test
    void anIdentityPutBackByHandIsTheOneUsed() {
        store("4b1d1e2a-restored-by-hand");

        assertEquals(
                "4b1d1e2a-restored-by-hand",
                ClusterOwners.read(client, NAMESPACE).managementCluster());
    }

    @Test
    void anIdentityConfigMapWithoutTheKeyStopsTheStartSayingHowToRepairIt() {
        store(null);

        IdentityUnavailableException refused =
                assertThrows(IdentityUnavailableException.class, () -> ClusterOwners.read(client, NAMESPACE));
        assertTrue(
                refused.getMessage()
                        .startsWith("ConfigMap crossplane-system/provider-kind-identity has no managementCluster: put"
                                + " back the identity it had"),
                refused.getMessage());
    }

    @Test
    void anIdentityTooLongForKindserversOwnerStopsTheStart() {
        store("x".repeat(217));

        IdentityUnavailableException refused =
                assertThrows(IdentityUnavailableException.class, () -> ClusterOwners.read(client, NAMESPACE));
        assertEquals(
                "ConfigMap crossplane-system/provider-kind-identity: managementCluster is refused: the management"
                        + " cluster's identity must be 1 to 216 printable ASCII characters",
                refused.getMessage());
    }

    @Test
    void aMissingNamespaceStopsTheStartNamingPodNamespace() {
        IdentityUnavailableException refused =
                assertThrows(IdentityUnavailableException.class, () -> ClusterOwners.read(client, "no-such-namespace"));
        assertEquals(
                "cannot create ConfigMap no-such-namespace/provider-kind-identity: namespace no-such-namespace does"
                        + " not exist; the provider keeps the identity that names this management cluster in its own"
                        + " namespace: set POD_NAMESPACE to it (Crossplane does), or create no-such-namespace",
                refused.getMessage());
    }

    private ConfigMap identity() {
        return client.configMaps()
                .inNamespace(NAMESPACE)
                .withName(ClusterOwners.IDENTITY_CONFIG_MAP)
                .get();
    }

    private void store(String value) {
        ConfigMapBuilder map = new ConfigMapBuilder()
                .withNewMetadata()
                .withNamespace(NAMESPACE)
                .withName(ClusterOwners.IDENTITY_CONFIG_MAP)
                .endMetadata();
        if (value != null) {
            map.addToData(ClusterOwners.IDENTITY_KEY, value);
        }
        client.resource(map.build()).create();
    }
}
