package io.providerkind.kindserver.kind;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.Optional;

/**
 * A cluster's two kubeconfigs as kind makes them: {@code external} for the host (server = the
 * cluster's endpoint) and {@code internal} for the kind network (server = its control-plane on 6443).
 * They carry the cluster's admin credentials: never logged, never written to the state dir.
 *
 * @param externalServer the server of {@code external}, read once here so that reads never parse YAML
 */
public record Kubeconfigs(String external, String internal, String externalServer) {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build();

    public static Kubeconfigs of(String external, String internal) {
        return new Kubeconfigs(external, internal, server(external).orElse(null));
    }

    /** The server of the first cluster in a kubeconfig. */
    public static Optional<String> server(String kubeconfig) {
        try {
            JsonNode server = YAML.readTree(kubeconfig)
                    .path("clusters")
                    .path(0)
                    .path("cluster")
                    .path("server");
            return server.isTextual() ? Optional.of(server.asText()) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** The kubeconfig with every cluster's server set to {@code server}; unchanged when it already is. */
    public static String withServer(String kubeconfig, String server) {
        if (server(kubeconfig).filter(server::equals).isPresent()) {
            return kubeconfig;
        }
        try {
            JsonNode root = YAML.readTree(kubeconfig);
            for (JsonNode entry : root.path("clusters")) {
                if (entry.path("cluster").isObject()) {
                    ((ObjectNode) entry.path("cluster")).put("server", server);
                }
            }
            return YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            return kubeconfig;
        }
    }

    @Override
    public String toString() {
        return "Kubeconfigs[redacted]";
    }
}
