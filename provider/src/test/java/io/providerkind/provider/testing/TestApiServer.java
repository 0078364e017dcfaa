package io.providerkind.provider.testing;

import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.providerkind.testsupport.realparts.KubeApiServerBinaries;
import java.util.List;
import java.util.Set;

/**
 * One kube-apiserver (kube-api-test) for every provider test class of the test JVM: starting one takes seconds, and
 * nineteen classes each started their own. Sharing it is safe because each test leaves it as it found it: its
 * {@link ProviderHarness}es remove the provider's resources, and {@link #removeWhatTestsWrote} the plain objects the
 * provider and the test wrote beside them. {@link #objectsBeyondTheStart} shows anything a test left all the same.
 */
public final class TestApiServer implements AutoCloseable {

    /**
     * Where the API server keeps its own objects: never written by a test or the provider. Everywhere else, every
     * Secret, ConfigMap, Lease and Event was written by a test or by the provider under test (the controllers that
     * would write some there, such as kube-controller-manager's, do not run beside kube-api-test's API server).
     */
    private static final Set<String> OWN_NAMESPACES = Set.of("kube-system", "kube-public", "kube-node-lease");

    private static final List<Class<? extends HasMetadata>> WRITTEN_BY_TESTS =
            List.of(Secret.class, ConfigMap.class, Lease.class, Event.class);

    private final KubeAPIServer server;
    private final String kubeconfig;
    private final KubernetesClient client;
    private final Set<String> atStart;

    private TestApiServer(KubeAPIServer server) {
        this.server = server;
        this.kubeconfig = server.getKubeConfigYaml();
        this.client = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(kubeconfig))
                .build();
        // package/crds are part of the start: applied once here, not by each test's harness
        ProviderHarness.applyCrds(client);
        this.atStart = ApiServerObjects.all(client);
    }

    public static TestApiServer start() {
        KubeAPIServer server = new KubeAPIServer(KubeAPIServerConfigBuilder.anAPIServerConfig()
                .withApiServerVersion(KubeApiServerBinaries.VERSION)
                .build());
        server.start();
        return new TestApiServer(server);
    }

    public String kubeconfig() {
        return kubeconfig;
    }

    /**
     * Deletes every Secret, ConfigMap, Lease and Event outside the API server's own namespaces: connection Secrets,
     * password Secrets, the management cluster's identity ConfigMap, leader-election Leases, Events. Call it once the
     * providers of a test have stopped, so that none writes again. Namespaces stay: without kube-controller-manager a
     * deleted namespace never goes; an empty one is what a test makes again anyway ({@code createOr(update)}).
     */
    public void removeWhatTestsWrote() {
        for (Class<? extends HasMetadata> type : WRITTEN_BY_TESTS) {
            client.resources(type).inAnyNamespace().list().getItems().stream()
                    .filter(o -> !OWN_NAMESPACES.contains(o.getMetadata().getNamespace()))
                    .forEach(o -> client.resource(o).withGracePeriod(0).delete());
        }
    }

    /** Every object of any kind the API server serves that was not there when it started, bar namespaces. */
    public Set<String> objectsBeyondTheStart() {
        Set<String> now = ApiServerObjects.all(client);
        now.removeAll(atStart);
        now.removeIf(ApiServerObjects::isNamespace);
        return now;
    }

    @Override
    public void close() {
        client.close();
        server.stop();
    }
}
