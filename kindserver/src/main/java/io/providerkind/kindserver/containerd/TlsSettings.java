package io.providerkind.kindserver.containerd;

import java.util.ArrayList;
import java.util.List;

/**
 * A registry host's TLS settings, read from {@code registry.configs.<host>.tls} ({@code insecure_skip_verify},
 * {@code ca_file}, {@code cert_file}, {@code key_file}) and written as hosts.toml names them ({@code skip_verify},
 * {@code ca}, {@code client}).
 *
 * @param ca   null when not set
 * @param cert null when not set
 * @param key  null when not set (the key is then in the cert file, as hosts.toml allows)
 */
public record TlsSettings(boolean skipVerify, String ca, String cert, String key) {

    public static final TlsSettings NONE = new TlsSettings(false, null, null, null);

    /** The hosts.toml lines, each preceded by {@code indent}; none for {@link #NONE}. */
    List<String> lines(String indent) {
        List<String> lines = new ArrayList<>();
        if (ca != null) {
            lines.add(indent + "ca = " + TomlText.quote(ca));
        }
        if (cert != null) {
            lines.add(indent + "client = "
                    + (key == null
                            ? TomlText.quote(cert)
                            : "[[" + TomlText.quote(cert) + ", " + TomlText.quote(key) + "]]"));
        }
        if (skipVerify) {
            lines.add(indent + "skip_verify = true");
        }
        return lines;
    }
}
