package io.providerkind.kindserver.kind;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
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

    /**
     * The kubeconfig {@code kind create cluster} wrote to a {@code --kubeconfig} file of its own, when it is usable
     * as the cluster's: kind merges its entry into that (fresh, so otherwise empty) file as {@code kind-<name>}
     * (cluster, user and context) and makes it the current context, which leaves exactly what
     * {@code kind get kubeconfig} prints. Anything else (another entry, one missing, a server or credentials
     * missing, unreadable YAML) is empty, and the caller asks kind instead.
     */
    public static Optional<String> writtenByCreate(String kubeconfig, ClusterName cluster) {
        String entry = "kind-" + cluster.value();
        try {
            JsonNode root = YAML.readTree(kubeconfig);
            if (root == null || !entry.equals(root.path("current-context").asText(null))) {
                return Optional.empty();
            }
            JsonNode context = only(root.path("contexts"), entry).path("context");
            boolean usable = only(root.path("clusters"), entry)
                            .path("cluster")
                            .path("server")
                            .isTextual()
                    && only(root.path("users"), entry)
                            .path("user")
                            .path("client-key-data")
                            .isTextual()
                    && entry.equals(context.path("cluster").asText(null))
                    && entry.equals(context.path("user").asText(null));
            return usable ? Optional.of(kubeconfig) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** The one entry of a kubeconfig list when it is named {@code name}, else a missing node. */
    private static JsonNode only(JsonNode list, String name) {
        return list.isArray()
                        && list.size() == 1
                        && name.equals(list.path(0).path("name").asText(null))
                ? list.path(0)
                : MissingNode.getInstance();
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
