package io.providerkind.kindserver.containerd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.providerkind.kindserver.testing.ExampleConfigs;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** registry.mirrors and registry.configs.<host>.tls of containerd patches, carried over into hosts.toml files. */
class RegistryTranslationTest {

    private static final String CRI = "[plugins.\"io.containerd.grpc.v1.cri\"";
    private static final String OTHER = CRI + ".containerd]\n  discard_unpacked_layers = false";
    private static final String HEADER = "# from the kind config's containerdConfigPatches (registry.mirrors/configs),"
            + " carried over by kindserver for config_path\n";

    @Test
    void theExamplesGiteaMirrorBecomesAHostsTomlForItsNamespaceAndOneForItsTlsHost() {
        RegistryTranslation translated = RegistryTranslation.of(List.of(ExampleConfigs.giteaMirrorPatch()));

        assertEquals(List.of(), translated.patches(), "the patch held nothing else");
        assertEquals(
                List.of("gitea.cnoe.localtest.me:443", "gitea.cnoe.localtest.me"),
                translated.hosts().stream().map(HostsFile::directory).toList());
        assertEquals(
                HEADER
                        + "server = \"https://gitea.cnoe.localtest.me:443\"\n"
                        + "\n"
                        + "[host.\"https://gitea.cnoe.localtest.me\"]\n"
                        + "  capabilities = [\"pull\", \"resolve\"]\n"
                        + "  skip_verify = true\n",
                translated.hosts().get(0).text());
        assertEquals(
                HEADER + "server = \"https://gitea.cnoe.localtest.me\"\nskip_verify = true\n",
                translated.hosts().get(1).text(),
                "pulls of images named after the TLS host keep its settings too");
    }

    @Test
    void theUsersOtherKeysStayInThePatchAndAPatchWithoutRegistrySettingsStaysWordForWord() throws Exception {
        String mixed = CRI + "]\n  sandbox_image = \"registry.k8s.io/pause:3.9\"\n"
                + CRI + ".registry.mirrors.\"docker.io\"]\n  endpoint = [\"https://mirror.example\"]\n"
                + CRI + ".registry.configs.\"mirror.example\".tls]\n  ca_file = \"/etc/ssl/mirror.pem\"\n"
                + CRI + ".registry.configs.\"mirror.example\".auth]\n  username = \"me\"\n";

        RegistryTranslation translated = RegistryTranslation.of(List.of(OTHER, mixed));

        assertEquals(OTHER, translated.patches().get(0));
        JsonNode kept = new TomlMapper().readTree(translated.patches().get(1));
        JsonNode cri = kept.path("plugins").path("io.containerd.grpc.v1.cri");
        assertEquals("registry.k8s.io/pause:3.9", cri.path("sandbox_image").asText());
        assertEquals(
                "me",
                cri.at("/registry/configs/mirror.example/auth/username").asText(),
                "containerd reads auth beside config_path");
        assertTrue(cri.path("registry").path("mirrors").isMissingNode(), kept.toString());
        assertTrue(cri.at("/registry/configs/mirror.example/tls").isMissingNode(), kept.toString());
        assertEquals(
                HEADER
                        + "server = \"https://registry-1.docker.io\"\n\n"
                        + "[host.\"https://mirror.example\"]\n"
                        + "  capabilities = [\"pull\", \"resolve\"]\n"
                        + "  ca = \"/etc/ssl/mirror.pem\"\n",
                translated.hosts().get(0).text(),
                "docker.io's own registry is registry-1.docker.io, as containerd names it");
    }

    @Test
    void endpointsKeepTheirOrderAndEachGetsTheTlsSettingsOfItsHost() {
        String patch = CRI + ".registry.mirrors.\"quay.io\"]\n"
                + "  endpoint = [\"https://b.example:5000\", \"a.example\", \"localhost:5002\"]\n"
                + CRI + ".registry.configs.\"b.example:5000\".tls]\n"
                + "  cert_file = \"/c.pem\"\n  key_file = \"/k.pem\"\n  insecure_skip_verify = true\n"
                + CRI + ".registry.configs.\"quay.io\".tls]\n  cert_file = \"/both.pem\"\n";

        HostsFile quay = RegistryTranslation.of(List.of(patch)).hosts().get(0);

        assertEquals(
                HEADER
                        + "server = \"https://quay.io\"\nclient = \"/both.pem\"\n\n"
                        + "[host.\"https://b.example:5000\"]\n  capabilities = [\"pull\", \"resolve\"]\n"
                        + "  client = [[\"/c.pem\", \"/k.pem\"]]\n  skip_verify = true\n\n"
                        + "[host.\"https://a.example\"]\n  capabilities = [\"pull\", \"resolve\"]\n\n"
                        + "[host.\"http://localhost:5002\"]\n  capabilities = [\"pull\", \"resolve\"]\n",
                quay.text(),
                "an endpoint without a scheme gets containerd's: http for loopback, https otherwise");
    }

    @Test
    void laterPatchesOverrideEarlierOnesAsKindMergesThem() {
        String first = CRI + ".registry.mirrors.\"ghcr.io\"]\n  endpoint = [\"https://old.example\"]\n" + CRI
                + ".registry.configs.\"new.example\".tls]\n  ca_file = \"/ca.pem\"\n";
        String second = CRI + ".registry.mirrors.\"ghcr.io\"]\n  endpoint = [\"https://new.example\"]\n" + CRI
                + ".registry.configs.\"new.example\".tls]\n  insecure_skip_verify = true\n";

        RegistryTranslation translated = RegistryTranslation.of(List.of(first, second));

        assertEquals(List.of(), translated.patches());
        assertEquals(
                List.of(new HostsFile.Mirror("https://new.example", new TlsSettings(true, "/ca.pem", null, null))),
                translated.hosts().get(0).hosts());
    }

    @Test
    void aWildcardMirrorIsTheDefaultNamespace() {
        String patch = CRI + ".registry.mirrors.\"*\"]\n  endpoint = [\"https://cache.example\"]\n";

        HostsFile any = RegistryTranslation.of(List.of(patch)).hosts().get(0);

        assertEquals("_default", any.directory());
        assertEquals(
                HEADER + "\n[host.\"https://cache.example\"]\n  capabilities = [\"pull\", \"resolve\"]\n", any.text());
    }

    @Test
    void patchesWithoutRegistrySettingsAreKeptWordForWordAndMakeNoFiles() {
        String comment = "# a comment kind drops, kept here\n" + OTHER + "\n";

        RegistryTranslation translated = RegistryTranslation.of(List.of(comment, OTHER));

        assertEquals(List.of(comment, OTHER), translated.patches());
        assertEquals(List.of(), translated.hosts());
    }

    static Stream<Arguments> untranslatable() {
        return Stream.of(
                Arguments.of(
                        ".registry.mirrors.\"x.io\"]\n  endpoint = [\"https://m\"]\n  rewrite = 1",
                        "containerdConfigPatches[0] sets registry.mirrors.\"x.io\".rewrite, which has no hosts.toml"),
                Arguments.of(
                        ".registry.mirrors.\"x.io\"]\n  endpoint = [\"https://m/v2/x\"]",
                        "sets registry.mirrors.\"x.io\".endpoint, which holds \"https://m/v2/x\", not a"),
                Arguments.of(
                        ".registry.mirrors.\"x.io\"]\n  endpoint = [1]",
                        "sets registry.mirrors.\"x.io\".endpoint, which must be a list of URLs"),
                Arguments.of(
                        ".registry.configs.\"x.io\".tls]\n  insecure_skip_verify = \"yes\"",
                        "sets registry.configs.\"x.io\".tls.insecure_skip_verify, which has no hosts.toml"),
                Arguments.of(
                        ".registry.configs.\"x.io\".tls]\n  key_file = \"/k\"",
                        "sets registry.configs.\"x.io\".tls.key_file, which needs a cert_file beside it"),
                Arguments.of(
                        ".registry.mirrors.\"../../../etc\"]\n  endpoint = [\"https://m\"]",
                        "sets registry.mirrors.\"../../../etc\", which is not for a registry host[:port]"),
                Arguments.of(
                        ".registry.configs.\"a b\".tls]\n  insecure_skip_verify = true",
                        "sets registry.configs.\"a b\".tls, which is not for a registry host[:port]"),
                Arguments.of(".registry.mirrors.\"x.io\"\n", "containerdConfigPatches[0] is not valid TOML ("));
    }

    @ParameterizedTest
    @MethodSource("untranslatable")
    void whatHostsTomlCannotSayIsRefusedNamingTheKey(String patch, String expected) {
        UntranslatableConfigException refused =
                assertThrows(UntranslatableConfigException.class, () -> RegistryTranslation.of(List.of(CRI + patch)));

        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
        assertTrue(refused.getMessage().contains("or run kindserver without --registry"), refused.getMessage());
    }
}
