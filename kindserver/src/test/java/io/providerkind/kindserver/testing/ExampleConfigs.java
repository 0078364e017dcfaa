package io.providerkind.kindserver.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The project's own examples, read from the repository, so that tests follow them when they change. */
public final class ExampleConfigs {

    private static final Path KIND_CLUSTER = Path.of("..", "examples", "provider", "kindcluster.yaml");

    private ExampleConfigs() {}

    /** The one containerd patch of examples/provider/kindcluster.yaml: the gitea registry mirror. */
    public static String giteaMirrorPatch() {
        YAMLMapper yaml = new YAMLMapper();
        try {
            JsonNode kindConfig = yaml.readTree(yaml.readTree(KIND_CLUSTER.toFile())
                    .at("/spec/forProvider/kindConfig")
                    .asText());
            JsonNode patches = kindConfig.path("containerdConfigPatches");
            if (patches.size() != 1) {
                throw new IllegalStateException(KIND_CLUSTER + " no longer has exactly one containerd patch");
            }
            return patches.get(0).asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
