package io.providerkind.provider.kindcluster;

import static io.providerkind.provider.kindcluster.KindClusterLifecycleTest.seedCluster;
import static io.providerkind.provider.testing.ProviderHarness.holdsFor;
import static io.providerkind.provider.testing.ProviderHarness.waitUpTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.providerkind.provider.api.KindCluster;
import io.providerkind.provider.api.KindClusterSpec;
import io.providerkind.provider.api.SecretReference;
import io.providerkind.provider.managed.EventReasons;
import io.providerkind.provider.managed.SecretConnectionPublisher;
import io.providerkind.provider.testing.FakeKindServer;
import io.providerkind.provider.testing.ProviderHarness;
import io.providerkind.provider.testing.ProviderIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which Secrets a KindCluster's writeConnectionSecretToRef may take over, on a real API server with
 * kindserver faked: only its own, or an uncontrolled one of the connection type. Any other is left exactly
 * as it was (no write, no owner reference that would have garbage collection delete it with the KindCluster)
 * and the KindCluster says why.
 */
class KindClusterConnectionSecretTest extends ProviderIntegrationTest {

    /** Long enough for several failed reconciles, each of which would have written if it were allowed to. */
    private static final Duration UNTOUCHED_FOR = Duration.ofSeconds(2);

    private ProviderHarness harness;
    private final FakeKindServer kindserver = new FakeKindServer();

    @BeforeEach
    void startProviderWithADefaultProviderConfig() {
        harness = startProvider(FAST_POLL, connection -> kindserver);
        harness.applyProviderConfig("default", null);
    }

    @Test
    void kindserverPasswordSecretNamedAsConnectionSecretIsLeftUntouchedAndTheClusterSaysWhy() {
        SecretReference password = new SecretReference("default-password", ProviderHarness.CREDENTIALS_NAMESPACE);
        Secret before = secret(password);
        assertEquals("Opaque", before.getType(), "precondition: an ordinary Secret with data");
        assertTrue(before.getData().containsKey("password"), "precondition: an ordinary Secret with data");

        harness.apply(seedCluster("grabs-password", "default", password));

        assertRefused(
                "grabs-password",
                "cannot create or update connection secret crossplane-system/default-password:"
                        + " refusing to modify uncontrolled secret of type \"Opaque\"");
        assertUntouched(password, before);
    }

    @Test
    void secretControlledBySomethingElseIsLeftUntouchedAndTheClusterSaysWhy() {
        SecretReference taken = new SecretReference("taken-conn", "default");
        Secret before = createSecret(taken, SecretConnectionPublisher.SECRET_TYPE, Map.of("kubeconfig", "theirs"));
        before = controlledBy(before, createConfigMap("taken-conn-owner"));

        harness.apply(seedCluster("grabs-taken", "default", taken));

        String uid = harness.get("grabs-taken").getMetadata().getUid();
        assertRefused(
                "grabs-taken",
                "cannot create or update connection secret default/taken-conn:"
                        + " existing secret is not controlled by UID \"" + uid + "\"");
        assertUntouched(taken, before);
    }

    @Test
    void uncontrolledConnectionSecretIsAdoptedAndFilled() {
        SecretReference free = new SecretReference("free-conn", "default");
        createSecret(free, SecretConnectionPublisher.SECRET_TYPE, Map.of("note", "kept"));

        harness.apply(seedCluster("adopts", "default", free));
        waitUpTo(WAIT, "kindserver creates adopts").until(() -> kindserver.has("adopts"));
        kindserver.ready("adopts");
        harness.awaitCondition("adopts", "Ready", "True", "Available", WAIT);
        waitUpTo(WAIT, "the adopted Secret has the kubeconfig")
                .until(() -> secret(free).getData().containsKey("kubeconfig"));

        Secret adopted = secret(free);
        OwnerReference controller = adopted.getMetadata().getOwnerReferences().stream()
                .filter(o -> Boolean.TRUE.equals(o.getController()))
                .findFirst()
                .orElseThrow();
        assertEquals(harness.get("adopts").getMetadata().getUid(), controller.getUid());
        assertEquals("KindCluster", controller.getKind());
        assertEquals("kept", decode(adopted, "note"), "publishing adds to what the Secret had");
        assertTrue(decode(adopted, "kubeconfig").contains("server: "), "the kubeconfig is written");
        assertEquals("True", harness.condition("adopts", "Synced").orElseThrow().status());
    }

    @Test
    void deletingAKindClusterLeavesASecretItWasRefused() {
        harness.apply(seedCluster("moves", "default", new SecretReference("moves-conn", "default")));
        waitUpTo(WAIT, "kindserver creates moves").until(() -> kindserver.has("moves"));
        kindserver.ready("moves");
        harness.awaitCondition("moves", "Ready", "True", "Available", WAIT);
        SecretReference bystander = new SecretReference("bystander", "default");
        Secret before = createSecret(bystander, "Opaque", Map.of("token", "not-the-providers"));

        pointConnectionSecretAt("moves", bystander);
        assertRefused(
                "moves",
                "cannot create or update connection secret default/bystander:"
                        + " refusing to modify uncontrolled secret of type \"Opaque\"");
        harness.client().resource(harness.get("moves")).delete();
        waitUpTo(WAIT, "the KindCluster is gone").until(() -> harness.get("moves") == null);

        assertEquals(before, secret(bystander), "neither deleted nor edited");
    }

    private void assertRefused(String cluster, String message) {
        String synced = "False ReconcileError: " + message;
        waitUpTo(WAIT, cluster + " has Synced " + synced)
                .until(
                        () -> harness.condition(cluster, "Synced")
                                .map(c -> c.status() + " " + c.reason() + ": " + c.message())
                                .orElse(""),
                        synced::equals);
        waitUpTo(WAIT, "a Warning Event says why")
                .until(() ->
                        harness.events(cluster).contains("Warning " + EventReasons.CANNOT_PUBLISH + ": " + message));
    }

    private void assertUntouched(SecretReference ref, Secret before) {
        holdsFor("the Secret is not written", UNTOUCHED_FOR, () -> before.equals(secret(ref)));
        // the whole object: data, type, labels, owner references and resourceVersion
        assertEquals(before, secret(ref), "not a byte changed");
    }

    private void pointConnectionSecretAt(String name, SecretReference ref) {
        KindCluster cluster = harness.get(name);
        KindClusterSpec spec = cluster.getSpec();
        cluster.setSpec(new KindClusterSpec(
                spec.forProvider(), spec.providerConfigRef(), ref, spec.deletionPolicy(), spec.managementPolicies()));
        harness.client().resource(cluster).update();
    }

    private Secret createSecret(SecretReference ref, String type, Map<String, String> text) {
        return harness.client()
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName(ref.name())
                        .withNamespace(ref.namespace())
                        .endMetadata()
                        .withType(type)
                        .withStringData(text)
                        .build())
                .create();
    }

    private ConfigMap createConfigMap(String name) {
        return harness.client()
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .withNamespace("default")
                        .endMetadata()
                        .build())
                .create();
    }

    private Secret controlledBy(Secret secret, ConfigMap owner) {
        return harness.client()
                .resource(new SecretBuilder(secret)
                        .editMetadata()
                        .addNewOwnerReference()
                        .withApiVersion("v1")
                        .withKind("ConfigMap")
                        .withName(owner.getMetadata().getName())
                        .withUid(owner.getMetadata().getUid())
                        .withController(true)
                        .endOwnerReference()
                        .endMetadata()
                        .build())
                .update();
    }

    private Secret secret(SecretReference ref) {
        return harness.secret(ref.namespace(), ref.name());
    }

    private static String decode(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }
}
