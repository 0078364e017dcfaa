package io.providerkind.provider.testing;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.providerkind.provider.Provider;
import io.providerkind.provider.ProviderSettings;
import io.providerkind.provider.api.Alerts;
import io.providerkind.provider.api.Condition;
import io.providerkind.provider.api.CredentialsSource;
import io.providerkind.provider.api.ForProvider;
import io.providerkind.provider.api.KindCluster;
import io.providerkind.provider.api.KindClusterSpec;
import io.providerkind.provider.api.KindServerEndpoint;
import io.providerkind.provider.api.ProviderConfig;
import io.providerkind.provider.api.ProviderConfigSpec;
import io.providerkind.provider.api.ProviderConfigUsage;
import io.providerkind.provider.api.ProviderCredentials;
import io.providerkind.provider.api.SecretKeySelector;
import io.providerkind.provider.kindcluster.KindServerClientFactory;
import io.providerkind.provider.managed.Conditions;
import io.providerkind.provider.runtime.KubeApiRequests;
import io.providerkind.testsupport.wait.Waits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.awaitility.core.ConditionFactory;

/**
 * The provider running in-process against a real API server (kube-api-test), with the CRDs from
 * package/crds applied and kindserver behind a {@link KindServerClientFactory} of the test's choice.
 * The provider's own client counts its requests, so tests can count API writes.
 */
public final class ProviderHarness implements AutoCloseable {

    public static final String CREDENTIALS_NAMESPACE = "crossplane-system";
    public static final String PASSWORD = "s3cret-for-tests";
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    private final String kubeconfig;
    private final KubernetesClient client;
    private KubernetesClient providerClient;
    private Provider provider;
    private PrometheusMeterRegistry registry;
    private KubeApiRequests requests;

    /** On an API server of one's own: package/crds are applied first. */
    public ProviderHarness(String kubeconfig) {
        this(kubeconfig, true);
    }

    private ProviderHarness(String kubeconfig, boolean applyCrds) {
        this.kubeconfig = kubeconfig;
        this.client = clientWith(kubeconfig, null);
        if (applyCrds) {
            applyCrds(client);
        }
        client.resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(CREDENTIALS_NAMESPACE)
                        .endMetadata()
                        .build())
                .createOr(NonDeletingOperation::update);
    }

    /** On a {@link TestApiServer}, which applied package/crds when it started: applying them again changes nothing. */
    public static ProviderHarness on(TestApiServer apiServer) {
        return new ProviderHarness(apiServer.kubeconfig(), false);
    }

    /** What a test (the user) uses to read and write resources. */
    public KubernetesClient client() {
        return client;
    }

    public ProviderHarness start(ProviderSettings settings, KindServerClientFactory kindservers) {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        requests = new KubeApiRequests(registry);
        providerClient = clientWith(kubeconfig, requests);
        provider = new Provider(settings, providerClient, kindservers, registry).start();
        return this;
    }

    /**
     * Stops the provider as SIGTERM does: reconciles in flight end and record what they did, nothing is cleaned up.
     * A test of a crash removes by hand what the crash would not have recorded.
     */
    public void stopProvider() {
        if (provider != null) {
            provider.close();
            providerClient.close();
            provider = null;
        }
    }

    public long apiWrites() {
        return requests.writes();
    }

    public long apiReads() {
        return requests.reads();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public Provider provider() {
        return provider;
    }

    public void applyProviderConfig(String name, String webhookUrl) {
        applyProviderConfig(name, new KindServerEndpoint("https://127.0.0.1:7443", null, true), PASSWORD, webhookUrl);
    }

    /** A ProviderConfig for the given kindserver, its password in a Secret as the seed keeps it. */
    public void applyProviderConfig(String name, KindServerEndpoint endpoint, String password, String webhookUrl) {
        Secret secret = new SecretBuilder()
                .withNewMetadata()
                .withName(name + "-password")
                .withNamespace(CREDENTIALS_NAMESPACE)
                .endMetadata()
                .addToStringData("password", password)
                .build();
        client.resource(secret).createOr(NonDeletingOperation::update);
        ProviderConfig config = new ProviderConfig();
        config.getMetadata().setName(name);
        config.setSpec(new ProviderConfigSpec(
                endpoint,
                new ProviderCredentials(
                        CredentialsSource.Secret,
                        new SecretKeySelector(CREDENTIALS_NAMESPACE, name + "-password", "password"),
                        null,
                        null),
                webhookUrl == null ? null : new Alerts(webhookUrl)));
        client.resource(config).createOr(NonDeletingOperation::update);
    }

    public KindCluster apply(KindCluster cluster) {
        return client.resource(cluster).create();
    }

    public KindCluster get(String name) {
        return client.resources(KindCluster.class).withName(name).get();
    }

    public Optional<Condition> condition(String name, String type) {
        KindCluster cluster = get(name);
        return cluster == null ? Optional.empty() : Conditions.find(cluster, type);
    }

    public void awaitCondition(String name, String type, String status, String reason, Duration timeout) {
        waitUpTo(timeout, name + " has " + type + "=" + status + " (" + reason + ")")
                .until(
                        () -> Optional.ofNullable(get(name)).map(KindCluster::getStatus),
                        seen -> seen.flatMap(s -> s.conditions().stream()
                                        .filter(c -> type.equals(c.type()))
                                        .findFirst())
                                .map(c -> c.status().equals(status) && (reason == null || reason.equals(c.reason())))
                                .orElse(false));
    }

    /**
     * Gives the reconcile that made {@code name} Ready {@code settle} to finish its writes before a test measures
     * what comes after, and checks that the cluster is still Ready then.
     */
    public void awaitSettledReady(String name, Duration settle) {
        waitUpTo(settle.plusSeconds(1), name + " still Ready once the writes that made it Ready have landed")
                .pollDelay(settle)
                .until(() ->
                        condition(name, Conditions.READY).map(Condition::isTrue).orElse(false));
    }

    /**
     * How the provider's tests wait: every 50 ms, and a RuntimeException while looking (a resource not made yet)
     * means "not yet".
     */
    public static ConditionFactory waitUpTo(Duration timeout, String what) {
        return Waits.await(what)
                .atMost(timeout)
                .pollInterval(POLL_INTERVAL)
                .ignoreExceptionsInstanceOf(RuntimeException.class);
    }

    /** What {@link Waits#holdsFor} needs to show that something does not happen, at the provider tests' pace. */
    public static void holdsFor(String what, Duration period, Callable<Boolean> condition) {
        Waits.holdsFor(what, period, POLL_INTERVAL, condition);
    }

    /** Changes a KindCluster's kind config, as a user editing spec.forProvider.kindConfig does. */
    public void changeKindConfig(String name, String kindConfig) {
        KindCluster cluster = get(name);
        cluster.setSpec(new KindClusterSpec(
                new ForProvider(kindConfig, cluster.forProvider().preloadImages()),
                cluster.getSpec().providerConfigRef(),
                cluster.getSpec().writeConnectionSecretToRef(),
                cluster.getSpec().deletionPolicy(),
                cluster.getSpec().managementPolicies()));
        client.resource(cluster).update();
    }

    /** Changes a KindCluster's images to preload, as a user editing spec.forProvider.preloadImages does. */
    public void changePreloadImages(String name, List<String> images) {
        KindCluster cluster = get(name);
        cluster.setSpec(new KindClusterSpec(
                new ForProvider(cluster.forProvider().kindConfig(), images),
                cluster.getSpec().providerConfigRef(),
                cluster.getSpec().writeConnectionSecretToRef(),
                cluster.getSpec().deletionPolicy(),
                cluster.getSpec().managementPolicies()));
        client.resource(cluster).update();
    }

    /** How many Events about a resource start with "Type Reason", e.g. "Warning DriftDetected". */
    public long eventCount(String name, String typeAndReason) {
        return events(name).stream().filter(e -> e.startsWith(typeAndReason)).count();
    }

    /** Events about a resource, as "Type Reason: message". */
    public List<String> events(String name) {
        return client.v1().events().inNamespace("default").list().getItems().stream()
                .filter(e -> name.equals(e.getInvolvedObject().getName()))
                .map(ProviderHarness::describe)
                .toList();
    }

    public Secret secret(String namespace, String name) {
        return client.secrets().inNamespace(namespace).withName(name).get();
    }

    /** Stops the provider and removes every resource the test made, finalizers and all. */
    @Override
    public void close() {
        stopProvider();
        client.resources(KindCluster.class).list().getItems().forEach(this::forceDelete);
        client.resources(ProviderConfigUsage.class).delete();
        client.resources(ProviderConfig.class).list().getItems().forEach(this::forceDelete);
        NamespacedApi.removeAll(client);
        client.close();
    }

    private void forceDelete(HasMetadata resource) {
        resource.getMetadata().setFinalizers(new ArrayList<>());
        resource.getMetadata().setResourceVersion(null);
        client.resource(resource).update();
        client.resource(resource).delete();
    }

    /** package/crds, each applied and awaited until Established. */
    static void applyCrds(KubernetesClient client) {
        Path dir = Path.of(System.getProperty("crds.package.dir", "../package/crds"));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                CustomResourceDefinition crd = client.getKubernetesSerialization()
                        .unmarshal(Files.readString(file), CustomResourceDefinition.class);
                client.resource(crd).createOr(NonDeletingOperation::update);
                waitUpTo(Duration.ofSeconds(30), crd.getMetadata().getName() + " is established")
                        .until(() -> client
                                .apiextensions()
                                .v1()
                                .customResourceDefinitions()
                                .withName(crd.getMetadata().getName())
                                .get()
                                .getStatus()
                                .getConditions()
                                .stream()
                                .anyMatch(c -> c.getType().equals("Established")
                                        && c.getStatus().equals("True")));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read CRDs from " + dir, e);
        }
    }

    private static KubernetesClient clientWith(String kubeconfig, KubeApiRequests requests) {
        KubernetesClientBuilder builder = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfig));
        if (requests != null) {
            builder.withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor(KubeApiRequests.NAME, requests));
        }
        return builder.build();
    }

    private static String describe(Event event) {
        return event.getType() + " " + event.getReason() + ": " + event.getMessage();
    }
}
