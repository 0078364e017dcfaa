package io.providerkind.provider.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What users and Crossplane see of the CRDs: names, scope, columns, defaults. */
class PackagedCrdsTest {

    private static CustomResourceDefinition crd(String file) throws IOException {
        Path dir = Path.of(System.getProperty("crds.package.dir", "../package/crds"));
        return new KubernetesSerialization()
                .unmarshal(Files.readString(dir.resolve(file)), CustomResourceDefinition.class);
    }

    @Test
    void kindClusterShowsTheSeedsColumnsInTheSeedsOrder() throws IOException {
        CustomResourceDefinition crd = crd("container.kind.crossplane.io_kindclusters.yaml");
        List<CustomResourceColumnDefinition> columns =
                crd.getSpec().getVersions().get(0).getAdditionalPrinterColumns();

        List<String> defaultView = columns.stream()
                .filter(c -> c.getPriority() == null || c.getPriority() == 0)
                .map(CustomResourceColumnDefinition::getName)
                .toList();

        assertEquals(List.of("READY", "SYNCED", "EXTERNAL-NAME", "INTERNALIP", "VERSION", "AGE"), defaultView);
        assertEquals(
                ".metadata.annotations.crossplane\\.io/external-name",
                columns.get(2).getJsonPath());
        assertEquals("date", columns.get(5).getType());
    }

    @Test
    void kindClusterIsAClusterScopedManagedResource() throws IOException {
        CustomResourceDefinition crd = crd("container.kind.crossplane.io_kindclusters.yaml");

        assertEquals("Cluster", crd.getSpec().getScope());
        assertEquals("container.kind.crossplane.io", crd.getSpec().getGroup());
        assertEquals("v1alpha1", crd.getSpec().getVersions().get(0).getName());
        assertEquals(
                List.of("crossplane", "managed", "kind"),
                crd.getSpec().getNames().getCategories());
        assertEquals(List.of("kc"), crd.getSpec().getNames().getShortNames());
        assertNotNull(crd.getSpec().getVersions().get(0).getSubresources().getStatus(), "status subresource");
    }

    @Test
    void kindClusterSpecDefaultsAsCrossplaneManagedResourcesDo() throws IOException {
        JSONSchemaProps spec = crd("container.kind.crossplane.io_kindclusters.yaml")
                .getSpec()
                .getVersions()
                .get(0)
                .getSchema()
                .getOpenAPIV3Schema()
                .getProperties()
                .get("spec");

        assertEquals(List.of("forProvider"), spec.getRequired());
        assertEquals(
                "\"Delete\"",
                spec.getProperties().get("deletionPolicy").getDefault().toString());
        assertEquals(
                List.of("Delete", "Orphan"),
                spec.getProperties().get("deletionPolicy").getEnum().stream()
                        .map(n -> n.asText())
                        .sorted()
                        .toList());
        assertEquals(
                "[\"*\"]",
                spec.getProperties().get("managementPolicies").getDefault().toString());
        assertEquals(
                "{\"name\":\"default\"}",
                spec.getProperties().get("providerConfigRef").getDefault().toString());
        assertEquals(
                List.of("name", "namespace"),
                spec.getProperties().get("writeConnectionSecretToRef").getRequired());
        assertTrue(spec.getProperties().get("managementPolicies").getItems().getSchema().getEnum().stream()
                .anyMatch(n -> n.asText().equals("*")));
    }

    @Test
    void providerConfigAndUsageAreClusterScopedInTheProviderGroup() throws IOException {
        CustomResourceDefinition config = crd("kind.crossplane.io_providerconfigs.yaml");
        CustomResourceDefinition usage = crd("kind.crossplane.io_providerconfigusages.yaml");

        assertEquals("Cluster", config.getSpec().getScope());
        assertEquals("Cluster", usage.getSpec().getScope());
        JSONSchemaProps spec = config.getSpec()
                .getVersions()
                .get(0)
                .getSchema()
                .getOpenAPIV3Schema()
                .getProperties()
                .get("spec");
        assertEquals(List.of("url"), spec.getProperties().get("endpoint").getRequired());
        assertTrue(spec.getProperties().get("endpoint").getProperties().containsKey("caBundle"));
        assertTrue(spec.getProperties().get("endpoint").getProperties().containsKey("insecureSkipVerify"));
        assertEquals(
                List.of("key", "name", "namespace"),
                spec.getProperties().get("credentials").getProperties().get("secretRef").getRequired().stream()
                        .sorted()
                        .toList());
        assertEquals(
                List.of("providerConfigRef", "resourceRef"),
                usage.getSpec()
                        .getVersions()
                        .get(0)
                        .getSchema()
                        .getOpenAPIV3Schema()
                        .getRequired());
    }
}
