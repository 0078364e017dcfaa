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
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The provider's credentials as its pod holds them, found the way fabric8 finds them in a pod: the API server's
 * address in {@code KUBERNETES_SERVICE_HOST} and {@code KUBERNETES_SERVICE_PORT}, and the two files the kubelet
 * mounts, a ServiceAccount's bearer token (issued by the API server's TokenRequest API, as the kubelet has it issued)
 * and the cluster's CA. Only those files' paths differ from a pod's, given in the variables fabric8 reads them from.
 * A pod has no kubeconfig: fabric8 takes its service-account path and parses no YAML. kube-api-test's own kubeconfig
 * authenticates with a client certificate, whose key a pod never holds; reading it, signing with it in every TLS
 * handshake and parsing the kubeconfig would charge the start with work a provider pod does not do.
 */
final class PodCredentials {

    private static final String NAMESPACE = ProviderHarness.CREDENTIALS_NAMESPACE;
    private static final String ACCOUNT = "provider-kind";

    private PodCredentials() {}

    /**
     * The provider process's environment; {@code admin} is the API server's administrator (kube-api-test's
     * kubeconfig), on which a {@link ProviderHarness} was made, and {@code mount} the directory that stands for the
     * pod's service-account mount.
     */
    static Map<String, String> environment(KubernetesClient admin, Path mount) throws IOException {
        Config cluster = admin.getConfiguration();
        URI server = URI.create(cluster.getMasterUrl());
        Path token = Files.writeString(mount.resolve("token"), token(admin));
        Path ca = Files.write(mount.resolve("ca.crt"), ca(cluster));
        return Map.of(
                "KUBERNETES_SERVICE_HOST", server.getHost(),
                "KUBERNETES_SERVICE_PORT", String.valueOf(server.getPort()),
                // fabric8's names for the service-account token file and the CA file, whose defaults are a pod's paths
                "KUBERNETES_AUTH_SERVICEACCOUNT_TOKEN", token.toString(),
                "KUBERNETES_CERTS_CA_FILE", ca.toString(),
                // a pod has no kubeconfig; the bench's machine may have one in the provider's home
                "KUBERNETES_AUTH_TRYKUBECONFIG", "false");
    }

    private static String token(KubernetesClient admin) {
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
        return token.getStatus().getToken();
    }

    private static byte[] ca(Config cluster) throws IOException {
        return cluster.getCaCertData() != null
                ? Base64.getDecoder().decode(cluster.getCaCertData())
                : Files.readAllBytes(Path.of(cluster.getCaCertFile()));
    }
}
