package io.providerkind.provider.testing;

import static io.providerkind.provider.testing.ProviderHarness.waitUpTo;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.providerkind.provider.api.Condition;
import io.providerkind.provider.api.CredentialsSource;
import io.providerkind.provider.api.ForProvider;
import io.providerkind.provider.api.KindServerEndpoint;
import io.providerkind.provider.api.ManagementAction;
import io.providerkind.provider.api.ProviderConfigSpec;
import io.providerkind.provider.api.ProviderCredentials;
import io.providerkind.provider.api.SecretKeySelector;
import io.providerkind.provider.api.TestKindClusters;
import io.providerkind.provider.api.m.ClusterProviderConfig;
import io.providerkind.provider.api.m.KindCluster;
import io.providerkind.provider.api.m.KindClusterSpec;
import io.providerkind.provider.api.m.LocalSecretReference;
import io.providerkind.provider.api.m.ProviderConfig;
import io.providerkind.provider.api.m.ProviderConfigReference;
import io.providerkind.provider.api.m.ProviderConfigUsage;
import io.providerkind.provider.managed.Conditions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The namespaced ({@code .m.}) resources as a platform team and its tenants write them, on the harness's API
 * server: namespaces, ClusterProviderConfigs, tenants' ProviderConfigs with their password Secret beside them, and
 * namespaced KindClusters. kindserver's endpoint is never dialled: the test's factory decides who answers.
 */
public final class NamespacedApi {

    private static final KindServerEndpoint ENDPOINT = new KindServerEndpoint("https://127.0.0.1:7443", null, true);

    private final KubernetesClient client;

    public NamespacedApi(KubernetesClient client) {
        this.client = client;
    }

    public void namespace(String name) {
        client.resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .endMetadata()
                        .build())
                .createOr(NonDeletingOperation::update);
    }

    /** A ClusterProviderConfig with its password in a Secret of the provider's namespace, as a platform team has it. */
    public void clusterProviderConfig(String name, String password) {
        clusterProviderConfig(name, ENDPOINT, password);
    }

    /** {@link #clusterProviderConfig(String, String)} for the kindserver at {@code endpoint}. */
    public void clusterProviderConfig(String name, KindServerEndpoint endpoint, String password) {
        password(ProviderHarness.CREDENTIALS_NAMESPACE, name + "-password", password);
        ClusterProviderConfig config = new ClusterProviderConfig();
        config.getMetadata().setName(name);
        config.setSpec(new ProviderConfigSpec(
                endpoint, secretCredentials(ProviderHarness.CREDENTIALS_NAMESPACE, name + "-password"), null));
        client.resource(config).createOr(NonDeletingOperation::update);
    }

    /** A tenant's ProviderConfig with its password in a Secret of its own namespace. */
    public void providerConfig(String namespace, String name, String password) {
        password(namespace, name + "-password", password);
        providerConfig(namespace, name, secretCredentials(namespace, name + "-password"));
    }

    public void providerConfig(String namespace, String name, ProviderCredentials credentials) {
        ProviderConfig config = new ProviderConfig();
        config.setMetadata(
                new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
        config.setSpec(spec(credentials));
        client.resource(config).createOr(NonDeletingOperation::update);
    }

    public void password(String namespace, String secret, String password) {
        client.resource(new SecretBuilder()
                        .withNewMetadata()
                        .withNamespace(namespace)
                        .withName(secret)
                        .endMetadata()
                        .addToStringData("password", password)
                        .build())
                .createOr(NonDeletingOperation::update);
    }

    public static ProviderCredentials secretCredentials(String namespace, String secret) {
        return new ProviderCredentials(
                CredentialsSource.Secret, new SecretKeySelector(namespace, secret, "password"), null, null);
    }

    /**
     * A namespaced KindCluster writing its connection Secret {@code <name>-conn}.
     *
     * @param providerConfig null to leave it to the CRD's default
     */
    public KindCluster apply(String namespace, String name, ProviderConfigReference providerConfig) {
        return apply(namespace, name, providerConfig, new ForProvider(TestKindClusters.SEED_CONFIG));
    }

    /** {@link #apply(String, String, ProviderConfigReference)} of the given cluster. */
    public KindCluster apply(
            String namespace, String name, ProviderConfigReference providerConfig, ForProvider forProvider) {
        KindCluster cluster = new KindCluster();
        cluster.setMetadata(
                new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
        cluster.setSpec(new KindClusterSpec(
                forProvider, providerConfig, new LocalSecretReference(name + "-conn"), List.of(ManagementAction.All)));
        return client.resource(cluster).create();
    }

    public KindCluster get(String namespace, String name) {
        return client.resources(KindCluster.class)
                .inNamespace(namespace)
                .withName(name)
                .get();
    }

    public Optional<Condition> condition(String namespace, String name, String type) {
        KindCluster cluster = get(namespace, name);
        return cluster == null ? Optional.empty() : Conditions.find(cluster, type);
    }

    public void awaitCondition(String namespace, String name, String type, String status, Duration timeout) {
        waitUpTo(timeout, namespace + "/" + name + " has " + type + "=" + status)
                .until(() -> condition(namespace, name, type)
                        .map(c -> c.status().equals(status))
                        .orElse(false));
    }

    /** Every .m. resource a test made, finalizers and all; namespaces stay (the test API server never ends one). */
    static void removeAll(KubernetesClient client) {
        client.resources(KindCluster.class).inAnyNamespace().list().getItems().forEach(r -> forceDelete(client, r));
        client.resources(ProviderConfigUsage.class).inAnyNamespace().delete();
        client.resources(ProviderConfig.class)
                .inAnyNamespace()
                .list()
                .getItems()
                .forEach(r -> forceDelete(client, r));
        client.resources(ClusterProviderConfig.class).list().getItems().forEach(r -> forceDelete(client, r));
    }

    private static void forceDelete(KubernetesClient client, HasMetadata resource) {
        resource.getMetadata().setFinalizers(new ArrayList<>());
        resource.getMetadata().setResourceVersion(null);
        client.resource(resource).update();
        client.resource(resource).delete();
    }

    private static ProviderConfigSpec spec(ProviderCredentials credentials) {
        return new ProviderConfigSpec(ENDPOINT, credentials, null);
    }
}
