package io.providerkind.kindserver.kind;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.providerkind.kindserver.containerd.RegistryTranslation;
import io.providerkind.kindserver.containerd.UntranslatableConfigException;
import io.providerkind.sdk.ConfigHash;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A kind cluster config as a user gave it, checked to be a kind {@code Cluster} of
 * {@code kind.x-k8s.io/v1alpha4}. kindserver owns {@code networking.apiServerAddress} and
 * {@code apiServerPort}, and with a local registry one entry of {@code containerdConfigPatches}: {@link #render} sets
 * them and keeps everything else, the user's own patches included (with a local registry, their registry mirrors and
 * TLS settings move to hosts.toml files: {@link #registryTranslation}).
 */
public final class KindConfig {

    public static final String API_VERSION = "kind.x-k8s.io/v1alpha4";
    public static final String KIND = "Cluster";

    /**
     * The containerd patch of kind's local-registry recipe: containerd reads each registry host's
     * {@code /etc/containerd/certs.d/<host>/hosts.toml}, which kindserver then writes for its registry.
     */
    public static final String REGISTRY_CONFIG_PATCH =
            "[plugins.\"io.containerd.grpc.v1.cri\".registry]\n  config_path = \"/etc/containerd/certs.d\"";

    private static final String PATCHES = "containerdConfigPatches";

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .build();

    private final String original;
    private final ObjectNode tree;
    private final String configHash;
    private final NodeCounts nodes;

    private KindConfig(String original, ObjectNode tree, NodeCounts nodes) {
        this.original = original;
        this.tree = tree;
        this.configHash = ConfigHash.of(original);
        this.nodes = nodes;
    }

    /** Parses and checks a config; every problem is an {@link InvalidRequestException} saying what is wrong. */
    public static KindConfig parse(String yaml) {
        if (yaml == null || yaml.isBlank()) {
            throw new InvalidRequestException("kindConfig is empty: give a kind Cluster of " + API_VERSION);
        }
        ObjectNode tree = readSingleMapping(yaml);
        requireText(tree, "kind", KIND);
        requireText(tree, "apiVersion", API_VERSION);
        JsonNode networking = tree.path("networking");
        if (!networking.isMissingNode() && !networking.isNull() && !networking.isObject()) {
            throw new InvalidRequestException("kindConfig networking must be a mapping");
        }
        JsonNode patches = tree.path(PATCHES);
        if (!patches.isMissingNode() && !patches.isNull() && !allText(patches)) {
            throw new InvalidRequestException(
                    "kindConfig " + PATCHES + " must be a list of TOML texts, as kind reads it");
        }
        return new KindConfig(yaml, tree, NodeCounts.of(tree));
    }

    /** The config exactly as the user gave it. */
    public String original() {
        return original;
    }

    /** SHA-256 (hex) of the config as the user gave it. */
    public String configHash() {
        return configHash;
    }

    public NodeCounts nodes() {
        return nodes;
    }

    /** The config kind is given: the user's, with kindserver's API server address and port. */
    public String render(String apiServerAddress, int apiServerPort) {
        return render(apiServerAddress, apiServerPort, false);
    }

    /**
     * {@link #render(String, int)}, and with {@code registryConfigPath} kindserver's {@link #REGISTRY_CONFIG_PATCH}
     * after the user's own containerd patches (once: a user's identical entry is not repeated), which are then those
     * of {@link #registryTranslation}: containerd refuses registry mirrors and TLS settings beside config_path.
     *
     * @throws InvalidRequestException with {@code registryConfigPath}, as {@link #registryTranslation}
     */
    public String render(String apiServerAddress, int apiServerPort, boolean registryConfigPath) {
        ObjectNode copy = tree.deepCopy();
        if (registryConfigPath) {
            ArrayNode patches = copy.putArray(PATCHES);
            registryTranslation().patches().forEach(patches::add);
            boolean present = false;
            for (JsonNode patch : patches) {
                present |= REGISTRY_CONFIG_PATCH.equals(patch.asText().strip());
            }
            if (!present) {
                patches.add(REGISTRY_CONFIG_PATCH);
            }
        }
        JsonNode networking = copy.path("networking");
        ObjectNode net = networking.isObject() ? (ObjectNode) networking : copy.putObject("networking");
        net.put("apiServerAddress", apiServerAddress);
        net.put("apiServerPort", apiServerPort);
        try {
            return YAML.writeValueAsString(copy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a parsed kind config back as YAML", e);
        }
    }

    /**
     * The user's containerd patches made fit for the {@code config_path} of kindserver's local registry, with the
     * hosts.toml files that carry their registry mirrors and TLS settings over.
     *
     * @throws InvalidRequestException a patch is not TOML, or sets a registry key hosts.toml cannot express
     */
    public RegistryTranslation registryTranslation() {
        List<String> patches = new ArrayList<>();
        tree.path(PATCHES).forEach(patch -> patches.add(patch.asText()));
        try {
            return RegistryTranslation.of(patches);
        } catch (UntranslatableConfigException e) {
            throw new InvalidRequestException("kindConfig's " + e.getMessage());
        }
    }

    /** A note for the user when their config set what kindserver owns, which kindserver then replaced. */
    public Optional<String> apiServerOverrideNote() {
        JsonNode net = tree.path("networking");
        List<String> set = new ArrayList<>();
        for (String field : List.of("apiServerAddress", "apiServerPort")) {
            if (net.hasNonNull(field)) {
                set.add("networking." + field + "=" + net.get(field).asText());
            }
        }
        if (set.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("kindserver manages the API server address and port; replaced " + String.join(", ", set));
    }

    /**
     * How many status steps kind prints for this config (kind itself never says): node image(s), nodes,
     * [external load balancer], configuration, control-plane, [CNI], StorageClass, [more control-planes],
     * [workers].
     */
    public int expectedSteps() {
        int steps = 4 + nodes.images();
        if (nodes.controlPlanes() > 1) {
            steps += 2;
        }
        if (!tree.path("networking").path("disableDefaultCNI").asBoolean(false)) {
            steps++;
        }
        if (nodes.workers() > 0) {
            steps++;
        }
        return steps;
    }

    private static boolean allText(JsonNode list) {
        if (!list.isArray()) {
            return false;
        }
        for (JsonNode item : list) {
            if (!item.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static ObjectNode readSingleMapping(String yaml) {
        List<Object> present = YamlDocuments.load(yaml).stream()
                .filter(java.util.Objects::nonNull)
                .toList();
        if (present.isEmpty()) {
            throw new InvalidRequestException("kindConfig is empty: give a kind Cluster of " + API_VERSION);
        }
        if (present.size() > 1) {
            throw new InvalidRequestException("kindConfig must be one YAML document, got " + present.size());
        }
        JsonNode tree;
        try {
            tree = YAML.valueToTree(present.get(0));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(
                    "kindConfig holds values kind cannot read: " + abbreviate(e.getMessage()));
        }
        if (!tree.isObject()) {
            throw new InvalidRequestException(
                    "kindConfig must be a YAML mapping (kind: Cluster, apiVersion: " + API_VERSION + ", ...)");
        }
        return (ObjectNode) tree;
    }

    private static void requireText(ObjectNode tree, String field, String expected) {
        JsonNode value = tree.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidRequestException("kindConfig must set " + field + ": " + expected);
        }
        if (!value.isTextual() || !expected.equals(value.asText())) {
            throw new InvalidRequestException("kindConfig must be a kind " + KIND + " of " + API_VERSION + ": " + field
                    + " is '" + abbreviate(value.asText()) + "', expected '" + expected + "'");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
