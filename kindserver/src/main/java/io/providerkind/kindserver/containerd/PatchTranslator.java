package io.providerkind.kindserver.containerd;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Takes {@code registry.mirrors} and {@code registry.configs.<host>.tls} out of containerd patches, one translation
 * at a time. Later patches override earlier ones as kind merges them: a host's endpoint list is replaced, its TLS
 * settings are merged key by key. {@code registry.configs.<host>.auth} stays in the patch: containerd keeps reading
 * it beside {@code config_path} (deprecated, not removed; its docs/cri/registry.md).
 */
final class PatchTranslator {

    private static final String CRI = "io.containerd.grpc.v1.cri";
    private static final String CANNOT_CARRY_OVER = ": kindserver cannot carry it over to the hosts.toml files"
            + " containerd reads beside the config_path of kindserver's local registry (--registry), and containerd"
            + " refuses registry mirrors and TLS settings beside config_path; configure that registry host another"
            + " way, or run kindserver without --registry";

    private static final Pattern HOST_NAME = Pattern.compile("\\*|[A-Za-z0-9._\\[\\]:-]+");

    private final TomlMapper toml = new TomlMapper();
    private final Map<String, List<String>> mirrors = new LinkedHashMap<>();
    private final Map<String, ObjectNode> tls = new LinkedHashMap<>();

    RegistryTranslation translate(List<String> patches) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < patches.size(); i++) {
            String where = "containerdConfigPatches[" + i + "]";
            ObjectNode root = parse(where, patches.get(i));
            JsonNode registry = root.path("plugins").path(CRI).path("registry");
            if (!registry.isObject() || !(registry.has("mirrors") || hasTls(registry.path("configs")))) {
                kept.add(patches.get(i));
                continue;
            }
            takeMirrors(where, registry.get("mirrors"));
            takeTls(where, registry.path("configs"));
            ((ObjectNode) registry).remove("mirrors");
            prune(root);
            if (!root.isEmpty()) {
                kept.add(write(root));
            }
        }
        return new RegistryTranslation(kept, new HostsFiles(mirrors, tls).files());
    }

    private ObjectNode parse(String where, String patch) {
        try {
            JsonNode root = toml.readTree(patch);
            return root instanceof ObjectNode object ? object : toml.createObjectNode();
        } catch (JsonProcessingException e) {
            throw new UntranslatableConfigException(
                    where + " is not valid TOML (" + e.getOriginalMessage() + ")" + CANNOT_CARRY_OVER);
        }
    }

    private static boolean hasTls(JsonNode configs) {
        for (JsonNode host : configs) {
            if (host.has("tls")) {
                return true;
            }
        }
        return false;
    }

    private void takeMirrors(String where, JsonNode table) {
        if (table == null) {
            return;
        }
        String key = "registry.mirrors";
        if (!table.isObject()) {
            throw untranslatable(where, key, "is not a table");
        }
        table.fields().forEachRemaining(mirror -> {
            String at = key + "." + TomlText.quote(mirror.getKey());
            requireHostName(where, at, mirror.getKey());
            if (!mirror.getValue().isObject()) {
                throw untranslatable(where, at, "is not a table");
            }
            mirror.getValue().fieldNames().forEachRemaining(field -> {
                if (!"endpoint".equals(field)) {
                    throw untranslatable(where, at + "." + field, "has no hosts.toml equivalent kindserver writes");
                }
            });
            List<String> endpoints = new ArrayList<>();
            for (JsonNode endpoint : mirror.getValue().path("endpoint")) {
                if (!endpoint.isTextual()) {
                    throw untranslatable(where, at + ".endpoint", "must be a list of URLs");
                }
                endpoints.add(Endpoints.url(
                        endpoint.asText(),
                        () -> untranslatable(
                                where,
                                at + ".endpoint",
                                "holds " + TomlText.quote(endpoint.asText()) + ", not a scheme://host[:port] URL")));
            }
            mirrors.put(mirror.getKey(), endpoints);
        });
    }

    private void takeTls(String where, JsonNode configs) {
        configs.fields().forEachRemaining(host -> {
            JsonNode settings = host.getValue().path("tls");
            if (settings.isMissingNode()) {
                return;
            }
            String at = "registry.configs." + TomlText.quote(host.getKey()) + ".tls";
            requireHostName(where, at, host.getKey());
            if (!settings.isObject()) {
                throw untranslatable(where, at, "is not a table");
            }
            settings.fields().forEachRemaining(field -> {
                boolean known = "insecure_skip_verify".equals(field.getKey())
                        ? field.getValue().isBoolean()
                        : List.of("ca_file", "cert_file", "key_file").contains(field.getKey())
                                && field.getValue().isTextual();
                if (!known) {
                    throw untranslatable(
                            where,
                            at + "." + field.getKey(),
                            "has no hosts.toml equivalent"
                                    + " kindserver writes (insecure_skip_verify, ca_file, cert_file and key_file have)");
                }
            });
            tls.computeIfAbsent(host.getKey(), h -> toml.createObjectNode()).setAll((ObjectNode) settings);
            ((ObjectNode) host.getValue()).remove("tls");
        });
    }

    /** A registry host namespace names a directory of config_path: host[:port] (or {@code *}), nothing else. */
    private static void requireHostName(String where, String key, String host) {
        if (!HOST_NAME.matcher(host).matches() || host.equals(".") || host.equals("..")) {
            throw untranslatable(where, key, "is not for a registry host[:port]");
        }
    }

    /** Removes the tables the translation left empty, from the registry's up to the root. */
    private static void prune(ObjectNode root) {
        ObjectNode plugins = (ObjectNode) root.get("plugins");
        ObjectNode cri = (ObjectNode) plugins.get(CRI);
        ObjectNode registry = (ObjectNode) cri.get("registry");
        JsonNode configs = registry.path("configs");
        if (configs instanceof ObjectNode hosts) {
            hosts.properties().removeIf(host -> host.getValue().isEmpty());
            if (hosts.isEmpty()) {
                registry.remove("configs");
            }
        }
        if (registry.isEmpty()) {
            cri.remove("registry");
        }
        if (cri.isEmpty()) {
            plugins.remove(CRI);
        }
        if (plugins.isEmpty()) {
            root.remove("plugins");
        }
    }

    private String write(ObjectNode root) {
        try {
            return toml.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a parsed containerd patch back as TOML", e);
        }
    }

    static UntranslatableConfigException untranslatable(String where, String key, String why) {
        return new UntranslatableConfigException(where + " sets " + key + ", which " + why + CANNOT_CARRY_OVER);
    }
}
