package io.providerkind.kindserver.containerd;

import java.util.List;

/**
 * A kind config's {@code containerdConfigPatches} made fit for containerd's {@code config_path}: the patches without
 * {@code registry.mirrors} and {@code registry.configs.<host>.tls} (each untouched patch word for word, the others
 * with every other key kept), and the hosts.toml files that carry those settings over.
 */
public record RegistryTranslation(List<String> patches, List<HostsFile> hosts) {

    public RegistryTranslation {
        patches = List.copyOf(patches);
        hosts = List.copyOf(hosts);
    }

    /**
     * Translates the patches as kind merges them (each a JSON merge patch over the previous ones).
     *
     * @throws UntranslatableConfigException a patch is not TOML, or sets a registry key hosts.toml cannot express;
     *     the message names the patch and the key
     */
    public static RegistryTranslation of(List<String> patches) {
        return new PatchTranslator().translate(patches);
    }
}
