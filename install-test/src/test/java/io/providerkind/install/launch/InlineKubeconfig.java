package io.providerkind.install.launch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * A kubeconfig whose certificates and key travel inside it ({@code *-data}) instead of as paths on this
 * machine, as a kubeconfig mounted into a container must.
 */
final class InlineKubeconfig {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private InlineKubeconfig() {}

    static String of(String kubeconfig) throws IOException {
        JsonNode root = YAML.readTree(kubeconfig);
        for (JsonNode cluster : root.path("clusters")) {
            inline((ObjectNode) cluster.path("cluster"), "certificate-authority");
        }
        for (JsonNode user : root.path("users")) {
            inline((ObjectNode) user.path("user"), "client-certificate");
            inline((ObjectNode) user.path("user"), "client-key");
        }
        return YAML.writeValueAsString(root);
    }

    private static void inline(ObjectNode node, String field) throws IOException {
        JsonNode path = node.remove(field);
        if (path != null) {
            byte[] content = Files.readAllBytes(Path.of(path.asText()));
            node.put(field + "-data", Base64.getEncoder().encodeToString(content));
        }
    }
}
