package io.providerkind.kindserver.containerd;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.function.Supplier;

/** Registry endpoints and hosts as containerd's CRI plugin reads {@code registry.mirrors} (before config_path). */
final class Endpoints {

    private static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "[::1]");

    private Endpoints() {}

    /**
     * The endpoint as a URL: one without a scheme gets containerd's default (http for a loopback host, https
     * otherwise); one with a path, query or user info is refused, since hosts.toml would read its path differently.
     */
    static String url(String endpoint, Supplier<UntranslatableConfigException> refused) {
        String withScheme = endpoint.contains("://") ? endpoint : scheme(endpoint) + "://" + endpoint;
        URI uri;
        try {
            uri = new URI(withScheme);
        } catch (URISyntaxException e) {
            throw refused.get();
        }
        boolean plain = ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                && uri.getHost() != null
                && uri.getRawUserInfo() == null
                && (uri.getRawPath() == null || uri.getRawPath().isEmpty() || "/".equals(uri.getRawPath()))
                && uri.getRawQuery() == null
                && uri.getRawFragment() == null;
        if (!plain) {
            throw refused.get();
        }
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    /** The host (with its port, if any) of a URL {@link #url} answered: what registry.configs is keyed by. */
    static String host(String url) {
        return URI.create(url).getRawAuthority();
    }

    /** The registry a namespace names, as containerd's default host: docker.io's is registry-1.docker.io. */
    static String defaultHost(String namespace) {
        return "docker.io".equals(namespace) ? "registry-1.docker.io" : namespace;
    }

    private static String scheme(String hostAndPort) {
        String host = hostAndPort.startsWith("[")
                ? hostAndPort.substring(0, hostAndPort.indexOf(']') + 1)
                : hostAndPort.split(":", 2)[0];
        return LOOPBACK.contains(host) ? "http" : "https";
    }
}
