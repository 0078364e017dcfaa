package io.providerkind.provider.testing;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every object an API server holds, of every kind it serves (found by discovery, so a kind no test cleanup knows is
 * seen too), as "resource.group namespace/name uid": what {@link TestApiServer} compares with its start.
 */
final class ApiServerObjects {

    /** Not objects anyone wrote: answered by probing the control plane's components on each list. */
    private static final Set<String> NOT_STORED = Set.of("componentstatuses");

    private ApiServerObjects() {}

    static Set<String> all(KubernetesClient client) {
        Set<String> objects = new HashSet<>();
        groupVersions(client)
                .forEach(groupVersion -> client.getApiResources(groupVersion).getResources().stream()
                        .filter(r -> !r.getName().contains("/") && r.getVerbs().contains("list"))
                        .filter(r -> !NOT_STORED.contains(r.getName()))
                        .forEach(r -> objects.addAll(objects(client, groupVersion, r))));
        return objects;
    }

    static boolean isNamespace(String object) {
        return object.startsWith("namespaces ");
    }

    private static Stream<String> groupVersions(KubernetesClient client) {
        return Stream.concat(
                Stream.of("v1"),
                client.getApiGroups().getGroups().stream()
                        .map(APIGroup::getPreferredVersion)
                        .map(v -> v.getGroupVersion()));
    }

    private static List<String> objects(KubernetesClient client, String groupVersion, APIResource resource) {
        String group = groupVersion.contains("/") ? groupVersion.substring(0, groupVersion.indexOf('/')) : "";
        String version = groupVersion.substring(groupVersion.indexOf('/') + 1);
        ResourceDefinitionContext context = new ResourceDefinitionContext.Builder()
                .withGroup(group)
                .withVersion(version)
                .withPlural(resource.getName())
                .withKind(resource.getKind())
                .withNamespaced(resource.getNamespaced())
                .build();
        List<GenericKubernetesResource> items = resource.getNamespaced()
                ? client.genericKubernetesResources(context)
                        .inAnyNamespace()
                        .list()
                        .getItems()
                : client.genericKubernetesResources(context).list().getItems();
        String kind = group.isEmpty() ? resource.getName() : resource.getName() + "." + group;
        return items.stream()
                .map(o -> kind + " "
                        + (o.getMetadata().getNamespace() == null
                                ? ""
                                : o.getMetadata().getNamespace() + "/")
                        + o.getMetadata().getName() + " " + o.getMetadata().getUid())
                .toList();
    }
}
