package io.providerkind.provider.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The namespaced {@code .m.} CRDs have the shape of provider-kubernetes v1's (vendored in third_party), field for
 * field where a composition or Crossplane itself reads them: scope, the references, the condition list, the usage.
 */
class NamespacedCrdsTest {

    private static CustomResourceDefinition ours(String file) throws IOException {
        return read(Path.of(System.getProperty("crds.package.dir", "../package/crds")), file);
    }

    private static CustomResourceDefinition upstream(String file) throws IOException {
        return read(Path.of("../third_party/crossplane-crds"), file);
    }

    private static CustomResourceDefinition read(Path dir, String file) throws IOException {
        return new KubernetesSerialization()
                .unmarshal(Files.readString(dir.resolve(file)), CustomResourceDefinition.class);
    }

    private static JSONSchemaProps schema(CustomResourceDefinition crd) {
        return crd.getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema();
    }

    private static JSONSchemaProps spec(CustomResourceDefinition crd) {
        return schema(crd).getProperties().get("spec");
    }

    @Test
    void namespacedKindClusterIsAManagedResourceOfItsNamespaceWithTheLegacyColumns() throws IOException {
        CustomResourceDefinition crd = ours("container.kind.m.crossplane.io_kindclusters.yaml");
        CustomResourceDefinition legacy = ours("container.kind.crossplane.io_kindclusters.yaml");

        assertEquals("Namespaced", crd.getSpec().getScope());
        assertEquals("KindCluster", crd.getSpec().getNames().getKind());
        assertEquals(
                List.of("crossplane", "managed", "kind"),
                crd.getSpec().getNames().getCategories());
        assertEquals(List.of(), crd.getSpec().getNames().getShortNames(), "kc stays the legacy KindCluster's alone");
        assertEquals(columns(legacy), columns(crd));
    }

    @Test
    void namespacedKindClusterReferencesAsProviderKubernetesObjectDoes() throws IOException {
        JSONSchemaProps ours = spec(ours("container.kind.m.crossplane.io_kindclusters.yaml"));
        JSONSchemaProps object = spec(upstream("kubernetes.m.crossplane.io_objects.yaml"));

        for (String field : List.of("providerConfigRef", "writeConnectionSecretToRef")) {
            JSONSchemaProps mine = ours.getProperties().get(field);
            JSONSchemaProps theirs = object.getProperties().get(field);
            assertEquals(theirs.getProperties().keySet(), mine.getProperties().keySet(), field);
            assertEquals(theirs.getRequired(), mine.getRequired(), field);
            assertEquals(String.valueOf(theirs.getDefault()), String.valueOf(mine.getDefault()), field);
        }
        assertEquals(
                "{\"kind\":\"ClusterProviderConfig\",\"name\":\"default\"}",
                ours.getProperties().get("providerConfigRef").getDefault().toString());
        assertFalse(ours.getProperties().containsKey("deletionPolicy"), "v2 has management policies only");
        assertEquals(
                String.valueOf(object.getProperties().get("managementPolicies").getDefault()),
                String.valueOf(ours.getProperties().get("managementPolicies").getDefault()));
        assertEquals(object.getRequired(), ours.getRequired());
    }

    @Test
    void everyNamespacedResourceListsConditionsByTypeAsCrossplaneRuntimeV2() throws IOException {
        JSONSchemaProps upstreamConditions = conditions(upstream("kubernetes.m.crossplane.io_objects.yaml"));
        for (String file : List.of(
                "container.kind.m.crossplane.io_kindclusters.yaml",
                "kind.m.crossplane.io_clusterproviderconfigs.yaml",
                "kind.m.crossplane.io_providerconfigs.yaml")) {
            JSONSchemaProps conditions = conditions(ours(file));
            assertEquals(upstreamConditions.getXKubernetesListType(), conditions.getXKubernetesListType(), file);
            assertEquals(upstreamConditions.getXKubernetesListMapKeys(), conditions.getXKubernetesListMapKeys(), file);
        }
        assertNull(
                conditions(ours("container.kind.crossplane.io_kindclusters.yaml"))
                        .getXKubernetesListType(),
                "the legacy CRD stays as it was");
    }

    @Test
    void providerConfigKindsAreScopedAsProviderKubernetesOnes() throws IOException {
        for (String plural : List.of("clusterproviderconfigs", "providerconfigs", "providerconfigusages")) {
            CustomResourceDefinition crd = ours("kind.m.crossplane.io_" + plural + ".yaml");
            CustomResourceDefinition theirs = upstream("kubernetes.m.crossplane.io_" + plural + ".yaml");
            assertEquals(theirs.getSpec().getScope(), crd.getSpec().getScope(), plural);
            assertEquals(
                    theirs.getSpec().getNames().getKind(),
                    crd.getSpec().getNames().getKind(),
                    plural);
        }
        assertEquals(
                spec(ours("kind.crossplane.io_providerconfigs.yaml")),
                spec(ours("kind.m.crossplane.io_providerconfigs.yaml")),
                "a namespaced ProviderConfig takes today's spec");
        assertEquals(
                spec(ours("kind.crossplane.io_providerconfigs.yaml")),
                spec(ours("kind.m.crossplane.io_clusterproviderconfigs.yaml")));
        JSONSchemaProps usage = schema(ours("kind.m.crossplane.io_providerconfigusages.yaml"));
        JSONSchemaProps theirs = schema(upstream("kubernetes.m.crossplane.io_providerconfigusages.yaml"));
        assertEquals(theirs.getRequired(), usage.getRequired());
        for (String ref : List.of("providerConfigRef", "resourceRef")) {
            assertEquals(
                    sorted(theirs.getProperties().get(ref).getRequired()),
                    sorted(usage.getProperties().get(ref).getRequired()),
                    ref);
        }
    }

    private static List<String> columns(CustomResourceDefinition crd) {
        return crd.getSpec().getVersions().get(0).getAdditionalPrinterColumns().stream()
                .map(c -> c.getName() + " " + c.getJsonPath() + " " + c.getPriority())
                .toList();
    }

    private static JSONSchemaProps conditions(CustomResourceDefinition crd) {
        return schema(crd).getProperties().get("status").getProperties().get("conditions");
    }

    private static Set<String> sorted(List<String> names) {
        return new TreeSet<>(names);
    }
}
