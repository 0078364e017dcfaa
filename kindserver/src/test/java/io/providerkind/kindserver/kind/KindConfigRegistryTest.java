package io.providerkind.kindserver.kind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.providerkind.kindserver.containerd.HostsFile;
import io.providerkind.kindserver.testing.ExampleConfigs;
import io.providerkind.sdk.ConfigHash;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one containerd patch kindserver owns when it runs a local registry, beside the user's own, which then give
 * their registry mirrors and TLS settings to hosts.toml files.
 */
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

    private static String withPatches(String... patches) {
        StringBuilder config = new StringBuilder(MINIMAL + "containerdConfigPatches:\n");
        for (String patch : patches) {
            config.append("- |-\n  ")
                    .append(patch.strip().replace("\n", "\n  "))
                    .append('\n');
        }
        return config.toString();
    }

    @Test
    void theExamplesMirrorPatchLeavesNoMirrorsOrTlsForKindAndTheUsersOtherPatchesStay() throws Exception {
        String mirror = ExampleConfigs.giteaMirrorPatch();
        KindConfig config = KindConfig.parse(withPatches(USER_PATCH, mirror)
                + "containerdConfigPatchesJSON6902:\n- '[{\"op\": \"remove\", \"path\": \"/version\"}]'\n");

        JsonNode rendered = yaml.readTree(config.render("127.0.0.1", 36443, true));

        assertEquals(
                List.of(USER_PATCH, KindConfig.REGISTRY_CONFIG_PATCH),
                texts(rendered.get("containerdConfigPatches")),
                "the mirror patch held only what moved to hosts.toml files");
        assertEquals(
                List.of("[{\"op\": \"remove\", \"path\": \"/version\"}]"),
                texts(rendered.get("containerdConfigPatchesJSON6902")),
                "JSON 6902 patches are kind's to apply, untouched");
        assertEquals(
                List.of("gitea.cnoe.localtest.me:443", "gitea.cnoe.localtest.me"),
                config.registryTranslation().hosts().stream()
                        .map(HostsFile::directory)
                        .toList());
        assertEquals(ConfigHash.of(config.original()), config.configHash(), "the hash is of the config as given");
    }

    @Test
    void withoutARegistryThePatchesPassThroughWordForWord() throws Exception {
        String mirror = ExampleConfigs.giteaMirrorPatch();
        KindConfig config = KindConfig.parse(withPatches(USER_PATCH, mirror));

        assertEquals(
                List.of(USER_PATCH, mirror),
                texts(yaml.readTree(config.render("127.0.0.1", 36443)).get("containerdConfigPatches")));
    }

    @Test
    void aMirrorPatchWithOtherKeysKeepsThemForKind() throws Exception {
        String mixed = "[plugins.\"io.containerd.grpc.v1.cri\"]\n  sandbox_image = \"registry.k8s.io/pause:3.9\"\n"
                + ExampleConfigs.giteaMirrorPatch();
        KindConfig config = KindConfig.parse(withPatches(mixed));

        List<String> patches =
                texts(yaml.readTree(config.render("127.0.0.1", 36443, true)).get("containerdConfigPatches"));

        assertEquals(2, patches.size(), patches.toString());
        JsonNode kept = new TomlMapper().readTree(patches.get(0));
        assertEquals(
                "{\"plugins\":{\"io.containerd.grpc.v1.cri\":{\"sandbox_image\":\"registry.k8s.io/pause:3.9\"}}}",
                kept.toString());
    }

    @Test
    void anUntranslatablePatchIsABadRequestNamingTheKey() {
        KindConfig config = KindConfig.parse(withPatches(
                "[plugins.\"io.containerd.grpc.v1.cri\".registry.mirrors.\"x.io\"]\n  endpoint = []\n  rewrite = 1"));

        InvalidRequestException refused = assertThrows(InvalidRequestException.class, config::registryTranslation);
        assertTrue(
                refused.getMessage()
                        .startsWith("kindConfig's containerdConfigPatches[0] sets registry.mirrors.\"x.io\".rewrite"),
                refused.getMessage());
        assertThrows(InvalidRequestException.class, () -> config.render("127.0.0.1", 36443, true));
        assertTrue(config.render("127.0.0.1", 36443).contains("rewrite = 1"), "without a registry, kind's to judge");
    }
}
