package io.providerkind.install.launch;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * crossplane-system, made as installing Crossplane makes it: the namespace Crossplane runs providers in, where
 * provider-kind keeps its identity (POD_NAMESPACE in a pod, and the default without it).
 */
final class CrossplaneNamespace {

    static final String NAME = "crossplane-system";

    private CrossplaneNamespace() {}

    static void create(KubernetesClient client) {
        client.resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(NAME)
                        .endMetadata()
                        .build())
                .create();
    }
}
