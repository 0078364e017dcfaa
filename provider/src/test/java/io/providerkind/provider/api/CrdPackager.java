package io.providerkind.provider.api;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Turns the fabric8 crd-generator's output into the CRDs the Crossplane package ships: named
 * {@code <group>_<plural>.yaml} as Crossplane providers name them, with the printer columns in the
 * order the Java type declares them (the generator sorts them by JSON path, and kubectl shows them
 * in file order), and, in the {@code .m.} groups only, {@code status.conditions} a list-map keyed by type as
 * crossplane-runtime v2 declares it (the generator has no annotation for it; the legacy CRDs stay as they were).
 * Nothing else changes: the schema is the generator's.
 *
 * <p>{@code mvn -pl provider -am process-test-classes -Pupdate-crds} runs {@link #main} to refresh
 * package/crds; {@link GeneratedCrdsMatchPackageTest} fails when the committed files differ.
 */
public final class CrdPackager {

    static final List<Class<? extends CustomResource<?, ?>>> TYPES = List.of(
            KindCluster.class,
            ProviderConfig.class,
            ProviderConfigUsage.class,
            io.providerkind.provider.api.m.KindCluster.class,
            io.providerkind.provider.api.m.ClusterProviderConfig.class,
            io.providerkind.provider.api.m.ProviderConfig.class,
            io.providerkind.provider.api.m.ProviderConfigUsage.class);
    static final String HEADER = "# Generated from provider/src/main/java/io/providerkind/provider/api by the fabric8 "
            + "crd-generator.\n# Do not edit: mvn -pl provider -am process-test-classes -Pupdate-crds\n";

    private CrdPackager() {}

    public static void main(String[] args) throws IOException {
        Path generated = Path.of(args[0]);
        Path target = Path.of(args[1]);
        Files.createDirectories(target);
        for (Map.Entry<String, String> file : packaged(generated).entrySet()) {
            Files.writeString(target.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            System.out.println("wrote " + target.resolve(file.getKey()));
        }
    }

    /** File name to content, for every CRD the generator wrote. */
    static Map<String, String> packaged(Path generatedDir) throws IOException {
        KubernetesSerialization serialization = new KubernetesSerialization();
        Map<String, String> result = new TreeMap<>();
        try (Stream<Path> files = Files.list(generatedDir)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith("-v1.yml")).sorted().toList()) {
                CustomResourceDefinition crd =
                        serialization.unmarshal(Files.readString(file), CustomResourceDefinition.class);
                orderColumnsAsDeclared(crd);
                if (crd.getSpec().getGroup().contains(".m.")) {
                    conditionsAsListMap(crd);
                }
                String name = crd.getSpec().getGroup() + "_"
                        + crd.getSpec().getNames().getPlural() + ".yaml";
                result.put(name, HEADER + serialization.asYaml(crd));
            }
        }
        return result;
    }

    private static void orderColumnsAsDeclared(CustomResourceDefinition crd) {
        Class<?> type = TYPES.stream()
                .filter(t ->
                        CustomResource.getCRDName(t).equals(crd.getMetadata().getName()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "no Java type for " + crd.getMetadata().getName() + "; add it to CrdPackager.TYPES"));
        List<String> declared = Arrays.stream(type.getAnnotationsByType(AdditionalPrinterColumn.class))
                .map(AdditionalPrinterColumn::name)
                .toList();
        for (CustomResourceDefinitionVersion version : crd.getSpec().getVersions()) {
            List<CustomResourceColumnDefinition> columns = version.getAdditionalPrinterColumns();
            if (columns != null) {
                columns.sort(Comparator.comparingInt(c -> position(declared, c.getName())));
            }
        }
    }

    /** Lets a server-side apply by another field manager own one condition without replacing the others. */
    private static void conditionsAsListMap(CustomResourceDefinition crd) {
        for (CustomResourceDefinitionVersion version : crd.getSpec().getVersions()) {
            JSONSchemaProps status =
                    version.getSchema().getOpenAPIV3Schema().getProperties().get("status");
            JSONSchemaProps conditions =
                    status == null ? null : status.getProperties().get("conditions");
            if (conditions != null) {
                conditions.setXKubernetesListType("map");
                conditions.setXKubernetesListMapKeys(List.of("type"));
            }
        }
    }

    private static int position(List<String> declared, String column) {
        int index = declared.indexOf(column);
        return index < 0 ? Integer.MAX_VALUE : index;
    }
}
