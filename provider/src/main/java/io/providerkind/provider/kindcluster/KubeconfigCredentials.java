package io.providerkind.provider.kindcluster;

import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.api.model.Cluster;
import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cluster CA and client certificate and key of a kubeconfig's current context, decoded to PEM:
 * Crossplane's standard {@code clusterCA}, {@code clientCert} and {@code clientKey} connection keys,
 * for consumers that want them apart from the kubeconfig.
 */
public final class KubeconfigCredentials {

    public static final String CLUSTER_CA = "clusterCA";
    public static final String CLIENT_CERT = "clientCert";
    public static final String CLIENT_KEY = "clientKey";

    private KubeconfigCredentials() {}

    /** The three values that the kubeconfig carries inline; absent ones are left out. Never throws. */
    public static Map<String, String> of(String kubeconfig) {
        Map<String, String> result = new LinkedHashMap<>();
        Config config;
        try {
            config = KubeConfigUtils.parseConfigFromString(kubeconfig);
        } catch (RuntimeException e) {
            return result;
        }
        NamedContext context = currentContext(config);
        Cluster cluster = clusterOf(config, context);
        AuthInfo user = userOf(config, context);
        if (cluster != null) {
            putDecoded(result, CLUSTER_CA, cluster.getCertificateAuthorityData());
        }
        if (user != null) {
            putDecoded(result, CLIENT_CERT, user.getClientCertificateData());
            putDecoded(result, CLIENT_KEY, user.getClientKeyData());
        }
        return result;
    }

    private static NamedContext currentContext(Config config) {
        List<NamedContext> contexts = config.getContexts() == null ? List.of() : config.getContexts();
        return contexts.stream()
                .filter(c -> c.getName().equals(config.getCurrentContext()))
                .findFirst()
                .orElse(contexts.isEmpty() ? null : contexts.get(0));
    }

    private static Cluster clusterOf(Config config, NamedContext context) {
        List<NamedCluster> clusters = config.getClusters() == null ? List.of() : config.getClusters();
        String name = context == null || context.getContext() == null
                ? null
                : context.getContext().getCluster();
        return clusters.stream()
                .filter(c -> c.getName().equals(name))
                .findFirst()
                .or(() -> clusters.stream().findFirst())
                .map(NamedCluster::getCluster)
                .orElse(null);
    }

    private static AuthInfo userOf(Config config, NamedContext context) {
        List<NamedAuthInfo> users = config.getUsers() == null ? List.of() : config.getUsers();
        String name = context == null || context.getContext() == null
                ? null
                : context.getContext().getUser();
        return users.stream()
                .filter(u -> u.getName().equals(name))
                .findFirst()
                .or(() -> users.stream().findFirst())
                .map(NamedAuthInfo::getUser)
                .orElse(null);
    }

    private static void putDecoded(Map<String, String> into, String key, String base64) {
        if (base64 == null || base64.isBlank()) {
            return;
        }
        try {
            into.put(key, new String(Base64.getDecoder().decode(base64.strip()), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            // not base64: leave the key out rather than publish garbage
        }
    }
}
