package io.providerkind.provider.managed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.providerkind.provider.api.DeletionPolicy;
import io.providerkind.provider.api.KindCluster;
import io.providerkind.provider.api.KindClusterSpec;
import io.providerkind.provider.api.TestKindClusters;
import io.providerkind.provider.testing.ProviderHarness;
import io.providerkind.provider.testing.ProviderIntegrationTest;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store's writes on a real API server, with someone else changing the resource between the
 * provider's read and its write: what the provider owns is written, what others changed is kept.
 */
class KubernetesManagedResourceStoreTest extends ProviderIntegrationTest {

    private static final Instant CREATED = Instant.parse("2025-03-31T10:00:05Z");

    private ProviderHarness api;
    private KubernetesManagedResourceStore<KindCluster> store;

    @BeforeEach
    void anAppliedKindCluster() {
        api = withoutProvider();
        KindCluster cluster = TestKindClusters.applied("race", TestKindClusters.SEED_CONFIG);
        cluster.getMetadata().setAnnotations(Map.of("team", "platform"));
        api.apply(cluster);
        store = new KubernetesManagedResourceStore<>(api.client(), KindCluster.class, new OwnWrites());
    }

    @Test
    void aSpecEditMadeBetweenReadAndCriticalAnnotationWriteSurvives() {
        KindCluster read = api.get("race");
        userEdits(cluster -> {
            KindClusterSpec spec = cluster.getSpec();
            cluster.setSpec(new KindClusterSpec(
                    spec.forProvider(),
                    spec.providerConfigRef(),
                    spec.writeConnectionSecretToRef(),
                    DeletionPolicy.Orphan,
                    spec.managementPolicies()));
        });

        Annotations.setCreateSucceeded(read, CREATED);
        store.updateCriticalAnnotations(read);

        KindCluster now = api.get("race");
        assertEquals(DeletionPolicy.Orphan, now.deletionPolicy(), "the user's switch to Orphan is kept");
        assertEquals(
                Annotations.format(CREATED),
                now.getMetadata().getAnnotations().get(Annotations.EXTERNAL_CREATE_SUCCEEDED));
    }

    @Test
    void onlyTheCriticalAnnotationsAreWritten() {
        KindCluster read = api.get("race");
        userEdits(cluster -> {
            Map<String, String> annotations =
                    new HashMap<>(cluster.getMetadata().getAnnotations());
            annotations.remove("team");
            annotations.put(Annotations.PAUSED, "true");
            cluster.getMetadata().setAnnotations(annotations);
        });

        Annotations.setExternalName(read, "race");
        Annotations.setCreateFailed(read, CREATED);
        store.updateCriticalAnnotations(read);

        Map<String, String> now = api.get("race").getMetadata().getAnnotations();
        assertFalse(now.containsKey("team"), "an annotation the user removed stays removed");
        assertEquals("true", now.get(Annotations.PAUSED), "an annotation the user added stays");
        assertEquals("race", now.get(Annotations.EXTERNAL_NAME));
        assertEquals(Annotations.format(CREATED), now.get(Annotations.EXTERNAL_CREATE_FAILED));
    }

    @Test
    void theReturnedResourceVersionIsTheOneTheWriteMade() {
        KindCluster read = api.get("race");
        Annotations.setCreatePending(read, CREATED);

        String version = store.updateCriticalAnnotations(read);

        assertEquals(api.get("race").getMetadata().getResourceVersion(), version);
    }

    /** Someone else changes the resource, through the API server, after the provider read it. */
    private void userEdits(Consumer<KindCluster> edit) {
        KindCluster current = api.get("race");
        edit.accept(current);
        api.client().resource(current).update();
    }
}
