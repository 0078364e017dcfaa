package io.providerkind.sdk;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The base URL of one kindserver's cluster API (e.g. {@code https://host:7443/api/v1/kindserver}), normalised
 * so that {@code /{name}} can be appended, and the only place that turns cluster names into URLs.
 */
record KindServerEndpoint(URI base) {

    static KindServerEndpoint of(URI uri) {
        if (uri == null) {
            throw new IllegalArgumentException("endpoint is required, e.g. https://172.18.0.1:7443/api/v1/kindserver");
        }
        // Checked before anything echoes the URI: user info may hold a password.
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(
                    "endpoint must not carry user info; give the password with password(...)");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))) {
            throw new IllegalArgumentException("endpoint must be an https:// URL, got '" + uri + "'");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("endpoint must name a host, got '" + uri + "'");
        }
        // The password travels in every request: in clear text only where nobody else can read the wire.
        if (scheme.equalsIgnoreCase("http") && !Loopback.is(uri.getHost())) {
            throw new IllegalArgumentException("endpoint " + uri + " is plain http:// and would send the password in"
                    + " clear text; use https:// (kindserver serves only HTTPS). http:// is accepted only for a"
                    + " loopback address (127.0.0.1, ::1, localhost)");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("endpoint must not have a query or fragment, got '" + uri + "'");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        // Users copy the URL with or without a trailing slash; both mean the same API.
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return new KindServerEndpoint(
                URI.create(scheme.toLowerCase(java.util.Locale.ROOT) + "://" + uri.getRawAuthority() + path));
    }

    /** {@code GET} lists here. */
    URI clusters() {
        return base;
    }

    /** One cluster's URL; the name is encoded as a single path segment whatever it contains. */
    URI cluster(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("cluster name must not be empty");
        }
        // "." and ".." would be resolved away by servers and proxies and address another resource.
        if (name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("cluster name '" + name + "' is not a valid name");
        }
        // URLEncoder encodes for forms; a path segment wants %20 for a space, not '+'.
        String segment = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return URI.create(base + "/" + segment);
    }

    /** Where a cluster's image loads are asked for ({@code POST}). */
    URI images(String name) {
        return URI.create(cluster(name) + "/images");
    }

    boolean https() {
        return base.getScheme().equals("https");
    }

    @Override
    public String toString() {
        return base.toString();
    }
}
