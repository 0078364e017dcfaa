package io.providerkind.kindserver.containerd;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code <config_path>/<directory>/hosts.toml}: the hosts containerd tries for a registry host namespace, in
 * order, then its {@code server}.
 *
 * @param directory the registry host namespace ({@code _default} for every host without its own)
 * @param server    the namespace's own registry, tried last; null for {@code _default}, where containerd uses the
 *                  host of the image's name
 * @param serverTls the server's TLS settings
 * @param hosts     the mirrors, tried first, in order
 */
public record HostsFile(String directory, String server, TlsSettings serverTls, List<Mirror> hosts) {

    public HostsFile {
        hosts = List.copyOf(hosts);
    }

    /** A mirror endpoint ({@code scheme://host[:port]}) and the TLS settings of its host. */
    public record Mirror(String url, TlsSettings tls) {}

    /** The file's text, as containerd's docs/hosts.md writes a mirror. */
    public String text() {
        List<String> lines = new ArrayList<>();
        lines.add("# from the kind config's containerdConfigPatches (registry.mirrors/configs), carried over by"
                + " kindserver for config_path");
        if (server != null) {
            lines.add("server = " + TomlText.quote(server));
        }
        lines.addAll(serverTls.lines(""));
        for (Mirror host : hosts) {
            lines.add("");
            lines.add("[host." + TomlText.quote(host.url()) + "]");
            lines.add("  capabilities = [\"pull\", \"resolve\"]");
            lines.addAll(host.tls().lines("  "));
        }
        return String.join("\n", lines) + "\n";
    }
}
