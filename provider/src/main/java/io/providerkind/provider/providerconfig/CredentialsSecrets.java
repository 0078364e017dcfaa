package io.providerkind.provider.providerconfig;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Secrets that ProviderConfigs take their credentials from, each watched on its own (an informer
 * selecting it by name) from the first time it is read.
 *
 * <p>Why not one informer on all Secrets, as controller-runtime providers have: credentials Secrets
 * are the user's, with no label to select them by, and caching every Secret of the cluster to read
 * one or two costs memory in proportion to the cluster. A watch per Secret a ProviderConfig names
 * keeps just those, costs no request per poll, and a password rotated in its Secret is used from the
 * next poll on, without a restart. A miss is read from the API server, so a Secret made a moment ago
 * is found and a missing one is reported as before. A Secret no longer named stays watched until the
 * provider stops: there are about as many as ProviderConfigs.
 */
public final class CredentialsSecrets implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CredentialsSecrets.class);

    private final KubernetesClient client;
    private final Map<String, SharedIndexInformer<Secret>> byKey = new ConcurrentHashMap<>();

    public CredentialsSecrets(KubernetesClient client) {
        this.client = client;
    }

    /** The Secret, or null when it does not exist. */
    public Secret get(String namespace, String name) {
        String key = namespace + "/" + name;
        SharedIndexInformer<Secret> informer = byKey.computeIfAbsent(key, k -> watch(namespace, name));
        Secret cached = informer == null ? null : informer.getStore().getByKey(key);
        return cached != null
                ? cached
                : client.secrets().inNamespace(namespace).withName(name).get();
    }

    /** Stops every watch; a later read starts them again. */
    @Override
    public void close() {
        byKey.values().forEach(SharedIndexInformer::close);
        byKey.clear();
    }

    /** Blocks for the initial list; null (tried again on the next read) when the watch cannot start. */
    private SharedIndexInformer<Secret> watch(String namespace, String name) {
        try {
            return client.secrets().inNamespace(namespace).withName(name).inform();
        } catch (KubernetesClientException e) {
            log.debug(
                    "cannot watch credentials secret {}/{}, reading it on every use: {}",
                    namespace,
                    name,
                    e.getMessage());
            return null;
        }
    }
}
