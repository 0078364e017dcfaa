package io.providerkind.kindserver.containerd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The hosts.toml files for translated registry settings, as containerd's migration guide (docs/hosts.md) maps them:
 * a mirrored namespace's endpoints become its {@code [host."<endpoint>"]} entries in order, its own registry the
 * {@code server} (tried last, as the CRI plugin appended it), and each host's TLS settings go with the entries of
 * that host. A host with TLS settings and no mirrors gets a file of its own, for pulls of images named after it.
 */
final class HostsFiles {

    /** The namespace that applies to every registry host without one of its own, as {@code "*"} mirrors did. */
    private static final String ANY = "*";

    private final Map<String, List<String>> mirrors;
    private final Map<String, ObjectNode> tls;

    HostsFiles(Map<String, List<String>> mirrors, Map<String, ObjectNode> tls) {
        this.mirrors = mirrors;
        this.tls = tls;
    }

    List<HostsFile> files() {
        List<HostsFile> files = new ArrayList<>();
        mirrors.forEach((namespace, endpoints) -> {
            List<HostsFile.Mirror> hosts = endpoints.stream()
                    .map(url -> new HostsFile.Mirror(url, tls(Endpoints.host(url))))
                    .toList();
            if (ANY.equals(namespace)) {
                files.add(new HostsFile("_default", null, TlsSettings.NONE, hosts));
            } else {
                String server = Endpoints.defaultHost(namespace);
                files.add(new HostsFile(namespace, "https://" + server, tls(server), hosts));
            }
        });
        tls.keySet().stream()
                .filter(host -> !mirrors.containsKey(host))
                .forEach(host -> files.add(new HostsFile(host, "https://" + host, tls(host), List.of())));
        return files;
    }

    private TlsSettings tls(String host) {
        ObjectNode settings = tls.get(host);
        if (settings == null) {
            return TlsSettings.NONE;
        }
        String cert = text(settings, "cert_file");
        String key = text(settings, "key_file");
        if (key != null && cert == null) {
            throw PatchTranslator.untranslatable(
                    "containerdConfigPatches",
                    "registry.configs." + TomlText.quote(host) + ".tls.key_file",
                    "needs a cert_file beside it");
        }
        return new TlsSettings(
                settings.path("insecure_skip_verify").asBoolean(false), text(settings, "ca_file"), cert, key);
    }

    private static String text(ObjectNode settings, String field) {
        JsonNode value = settings.get(field);
        return value == null ? null : value.asText();
    }
}
