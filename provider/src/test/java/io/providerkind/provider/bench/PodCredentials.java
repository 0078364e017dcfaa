package io.providerkind.provider.bench;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.providerkind.provider.testing.ProviderHarness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * A kubeconfig that authenticates the provider as its pod does: the bearer token of a ServiceAccount, issued by the
 * API server's TokenRequest API (what the kubelet mounts into a pod), and the cluster's CA. kube-api-test's own
 * kubeconfig authenticates with a client certificate, whose key a pod never holds: reading it and signing with it
 * in every TLS handshake would charge the start with work a provider pod does not do.
 */
final class PodCredentials {

    private static final String NAMESPACE = ProviderHarness.CREDENTIALS_NAMESPACE;
    private static final String ACCOUNT = "provider-kind";

    private PodCredentials() {}

    private static String caData(Config cluster) {
        if (cluster.getCaCertData() != null) {
            return cluster.getCaCertData();
        }
        try {
            return Base64.getEncoder().encodeToString(Files.readAllBytes(Path.of(cluster.getCaCertFile())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The kubeconfig text; {@code admin} is the API server's administrator (kube-api-test's kubeconfig), on which a
     * {@link ProviderHarness} was made.
     */
    static String kubeconfig(KubernetesClient admin) {
        // in the namespace ProviderHarness made for the provider's credentials, as Crossplane runs it in its own
        List<HasMetadata> account = List.of(
                new ServiceAccountBuilder()
                        .withNewMetadata()
                        .withName(ACCOUNT)
                        .withNamespace(NAMESPACE)
                        .endMetadata()
                        .build(),
                // the bench measures the start, not authorisation: the account may do anything, as an admin may
                new ClusterRoleBindingBuilder()
                        .withNewMetadata()
                        .withName("provider-kind-bench")
                        .endMetadata()
                        .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", "cluster-admin")
                        .addNewSubject()
                        .withKind("ServiceAccount")
                        .withName(ACCOUNT)
                        .withNamespace(NAMESPACE)
                        .endSubject()
                        .build());
        account.forEach(object -> admin.resource(object).patch(PatchContext.of(PatchType.SERVER_SIDE_APPLY)));
        TokenRequest token = admin.serviceAccounts()
                .inNamespace(NAMESPACE)
                .withName(ACCOUNT)
                .tokenRequest(new TokenRequestBuilder()
                        .withNewSpec()
                        .withExpirationSeconds(24 * 3600L)
                        .endSpec()
                        .build());
        Config cluster = admin.getConfiguration();
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: bench
                  cluster:
                    server: %s
                    certificate-authority-data: %s
                users:
                - name: %s
                  user:
                    token: %s
                contexts:
                - name: bench
                  context:
                    cluster: bench
                    user: %s
                current-context: bench
                """.formatted(
                        cluster.getMasterUrl(),
                        caData(cluster),
                        ACCOUNT,
                        token.getStatus().getToken(),
                        ACCOUNT);
    }
}
