package io.providerkind.install.xpkg;

import static io.providerkind.install.xpkg.OciLayout.JSON;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.providerkind.install.RepositoryPaths;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The package image without the crossplane CLI: build-xpkg.sh appends package.yaml, as the one layer
 * annotated {@code io.crossplane.xpkg: base}, to each platform image of a multi-platform runtime image
 * layout (here a small one made by the test, since no base image can be pulled here).
 */
class XpkgImageTest {

    private static final RepositoryPaths PATHS = RepositoryPaths.locate();
    private static final BuildXpkgScript SCRIPT = new BuildXpkgScript(PATHS.xpkgBuildScript());
    private static final List<String> PLATFORMS = List.of("amd64", "arm64");

    @TempDir
    Path tmp;

    private OciLayout runtime;
    private byte[] runtimeLayer;

    @BeforeEach
    void runtimeImageForTwoPlatformsWithAnAttestation() throws IOException {
        runtime = OciLayout.create(tmp.resolve("runtime"));
        runtimeLayer = OciLayout.gzip(OciLayout.utf8("not really a tar, but blobs are opaque"));
        ObjectNode layer = runtime.put("application/vnd.oci.image.layer.v1.tar+gzip", runtimeLayer);
        ArrayNode manifests = JSON.createArrayNode();
        for (String arch : PLATFORMS) {
            ObjectNode config =
                    JSON.createObjectNode().put("architecture", arch).put("os", "linux");
            config.putObject("config").putArray("Entrypoint").add("java");
            config.putObject("rootfs")
                    .put("type", "layers")
                    .putArray("diff_ids")
                    .add("sha256:" + "0".repeat(64));
            config.putArray("history").addObject().put("created_by", "COPY provider.jar");
            ObjectNode manifest = JSON.createObjectNode()
                    .put("schemaVersion", 2)
                    .put("mediaType", "application/vnd.oci.image.manifest.v1+json");
            manifest.set("config", runtime.putJson("application/vnd.oci.image.config.v1+json", config));
            manifest.putArray("layers").add(layer);
            ObjectNode descriptor = runtime.putJson("application/vnd.oci.image.manifest.v1+json", manifest);
            descriptor.putObject("platform").put("os", "linux").put("architecture", arch);
            manifests.add(descriptor);
        }
        ObjectNode attestation = runtime.put("application/vnd.oci.image.manifest.v1+json", OciLayout.utf8("{}"));
        attestation.putObject("annotations").put("vnd.docker.reference.type", "attestation-manifest");
        manifests.add(attestation);
        ObjectNode index = JSON.createObjectNode()
                .put("schemaVersion", 2)
                .put("mediaType", "application/vnd.oci.image.index.v1+json");
        index.set("manifests", manifests);
        ObjectNode top = JSON.createObjectNode().put("schemaVersion", 2);
        top.putArray("manifests").add(runtime.putJson("application/vnd.oci.image.index.v1+json", index));
        runtime.writeIndex(top);
    }

    @Test
    void everyPlatformImageGetsPackageYamlAsItsOneAnnotatedBaseLayer() throws Exception {
        BuildXpkgScript.Result result = SCRIPT.run(
                "--runtime-oci",
                runtime.dir().toString(),
                "--output",
                tmp.resolve("out").toString(),
                "--version",
                "1.2.3");
        assertEquals(0, result.exitCode(), result.output());
        OciLayout xpkg = new OciLayout(tmp.resolve("out/provider-kind-1.2.3.oci"));
        byte[] packageYaml = Files.readAllBytes(tmp.resolve("out/package.yaml"));

        JsonNode index = xpkg.readJson(xpkg.index().path("manifests").get(0));
        List<String> platforms = new ArrayList<>();
        for (JsonNode descriptor : index.path("manifests")) {
            platforms.add(descriptor.path("platform").path("architecture").asText());
            assertPackageImage(xpkg, xpkg.readJson(descriptor), packageYaml);
        }
        assertEquals(PLATFORMS, platforms, "both platforms, and the stale attestation dropped");
        assertEveryBlobMatchesItsDigest(xpkg);
    }

    @Test
    void refusesAnImageThatIsAlreadyAPackage() throws Exception {
        assertEquals(
                0,
                SCRIPT.run(
                                "--runtime-oci",
                                runtime.dir().toString(),
                                "--output",
                                tmp.resolve("once").toString(),
                                "--version",
                                "0.1.0-SNAPSHOT")
                        .exitCode());
        Path packaged = tmp.resolve("once/provider-kind-0.1.0-SNAPSHOT.oci");

        BuildXpkgScript.Result again = SCRIPT.run(
                "--runtime-oci",
                packaged.toString(),
                "--output",
                tmp.resolve("twice").toString());

        assertNotEquals(0, again.exitCode());
        assertTrue(again.output().contains("already a Crossplane package"), again.output());
    }

    private void assertPackageImage(OciLayout xpkg, JsonNode manifest, byte[] packageYaml) throws IOException {
        JsonNode layers = manifest.path("layers");
        assertEquals(2, layers.size(), "the runtime layer and the package layer");
        assertArrayEquals(runtimeLayer, xpkg.read(layers.get(0)), "the runtime layer is untouched");
        JsonNode base = layers.get(1);
        assertEquals(Map.of("io.crossplane.xpkg", "base"), JSON.convertValue(base.path("annotations"), Map.class));
        assertEquals(
                "application/vnd.oci.image.layer.v1.tar+gzip",
                base.path("mediaType").asText());

        byte[] tar = new GZIPInputStream(new ByteArrayInputStream(xpkg.read(base))).readAllBytes();
        List<Tar.Entry> entries = Tar.entries(tar);
        assertEquals(1, entries.size());
        assertEquals("package.yaml", entries.get(0).name());
        assertEquals(0644, entries.get(0).mode());
        assertArrayEquals(packageYaml, entries.get(0).content());

        JsonNode config = xpkg.readJson(manifest.path("config"));
        assertEquals(
                "base",
                config.path("config")
                        .path("Labels")
                        .path("io.crossplane.xpkg:" + base.path("digest").asText())
                        .asText(),
                "the label crossplane xpkg build sets for the base layer");
        JsonNode diffIds = config.path("rootfs").path("diff_ids");
        assertEquals(2, diffIds.size());
        assertEquals("sha256:" + OciLayout.sha256(tar), diffIds.get(1).asText());
        assertEquals(2, config.path("history").size(), "one history entry per layer");
        assertEquals(
                List.of("java"),
                JSON.convertValue(config.path("config").path("Entrypoint"), List.class),
                "the package still runs the provider");
    }

    private static void assertEveryBlobMatchesItsDigest(OciLayout xpkg) throws IOException {
        try (var blobs = Files.list(xpkg.dir().resolve("blobs/sha256"))) {
            for (Path blob : blobs.toList()) {
                assertEquals(
                        blob.getFileName().toString(), OciLayout.sha256(Files.readAllBytes(blob)), blob.toString());
            }
        }
    }
}
