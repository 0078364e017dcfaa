package io.providerkind.kindserver.kind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one containerd patch kindserver owns when it runs a local registry, beside the user's own. */
class KindConfigRegistryTest {

    private static final String MINIMAL = "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\n";
    private static final String USER_PATCH =
            "[plugins.\"io.containerd.grpc.v1.cri\".containerd]\n" + "  discard_unpacked_layers = false";

    private final YAMLMapper yaml = new YAMLMapper();

    @Test
    void addsKindsRecipePatchBesideTheAddressAndKeepsTheUsersPatchesFirst() throws Exception {
        KindConfig config = KindConfig.parse(MINIMAL + "containerdConfigPatches:\n- |-\n"
                + USER_PATCH.lines().map(line -> "  " + line + "\n").reduce("", String::concat));

        JsonNode rendered = yaml.readTree(config.render("127.0.0.1", 36443, true));

        assertEquals(
                List.of(USER_PATCH, KindConfig.REGISTRY_CONFIG_PATCH), texts(rendered.get("containerdConfigPatches")));
        assertEquals(
                "[plugins.\"io.containerd.grpc.v1.cri\".registry]\n  config_path = \"/etc/containerd/certs.d\"",
                KindConfig.REGISTRY_CONFIG_PATCH,
                "kind's local-registry recipe, word for word");
        assertEquals(36443, rendered.at("/networking/apiServerPort").asInt());
    }

    @Test
    void addsThePatchToAConfigWithoutPatchesOnlyWithARegistry() throws Exception {
        KindConfig config = KindConfig.parse(MINIMAL);

        assertEquals(
                List.of(KindConfig.REGISTRY_CONFIG_PATCH),
                texts(yaml.readTree(config.render("127.0.0.1", 36443, true)).get("containerdConfigPatches")));
        assertTrue(
                yaml.readTree(config.render("127.0.0.1", 36443))
                        .path("containerdConfigPatches")
                        .isMissingNode(),
                "without a registry kindserver adds nothing");
    }

    @Test
    void doesNotRepeatThePatchWhenTheUserGaveItAlready() throws Exception {
        KindConfig config = KindConfig.parse(
                MINIMAL + "containerdConfigPatches:\n- |\n"
                        + "  [plugins.\"io.containerd.grpc.v1.cri\".registry]\n    config_path = \"/etc/containerd/certs.d\"\n");

        assertEquals(
                1,
                yaml.readTree(config.render("127.0.0.1", 36443, true))
                        .get("containerdConfigPatches")
                        .size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"containerdConfigPatches: \"[plugins]\"\n", "containerdConfigPatches:\n- a: 1\n"})
    void refusesPatchesKindCannotReadWithABadRequest(String patches) {
        InvalidRequestException refused =
                assertThrows(InvalidRequestException.class, () -> KindConfig.parse(MINIMAL + patches));
        assertTrue(refused.getMessage().contains("containerdConfigPatches must be a list"), refused.getMessage());
    }

    private static List<String> texts(JsonNode list) {
        List<String> texts = new ArrayList<>();
        list.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[plugins.\"io.containerd.grpc.v1.cri\".registry.mirrors.\"gitea.cnoe.localtest.me:443\"]\n"
                        + "  endpoint = [\"https://gitea.cnoe.localtest.me\"]",
                "[plugins.'io.containerd.grpc.v1.cri'.registry.mirrors]",
                "[plugins.\"io.containerd.grpc.v1.cri\".registry.configs.\"my.registry:5000\".tls]\n"
                        + "  insecure_skip_verify = true"
            })
    void aPatchContainerdRefusesBesideConfigPathIsAConflictNamingIt(String patch) {
        KindConfig config =
                KindConfig.parse(MINIMAL + "containerdConfigPatches:\n- |-\n  " + patch.replace("\n", "\n  ") + "\n");

        String conflict = config.registryConflict().orElseThrow();

        assertTrue(conflict.contains("containerd refuses beside the config_path"), conflict);
        assertTrue(conflict.contains("registry." + (patch.contains("mirrors") ? "mirrors" : "configs")), conflict);
    }

    @Test
    void otherPatchesAndRegistryAuthAreNoConflict() {
        KindConfig config = KindConfig.parse(MINIMAL + "containerdConfigPatches:\n- |-\n  "
                + USER_PATCH.replace("\n", "\n  ") + "\n- |-\n"
                + "  [plugins.\"io.containerd.grpc.v1.cri\".registry.configs.\"my.registry:5000\".auth]\n"
                + "    username = \"me\"\n");

        assertEquals(java.util.Optional.empty(), config.registryConflict());
        assertEquals(java.util.Optional.empty(), KindConfig.parse(MINIMAL).registryConflict());
    }
}
