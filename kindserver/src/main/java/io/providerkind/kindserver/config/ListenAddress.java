package io.providerkind.kindserver.config;

/**
 * Where kindserver listens for HTTPS: a host (an IP literal or a name) and a TCP port; port 0 asks the
 * kernel for a free one (tests).
 *
 * @param host the address to bind, e.g. {@code 0.0.0.0}, {@code ::} or {@code 127.0.0.1}
 * @param port the TCP port, 0-65535
 */
public record ListenAddress(String host, int port) {

    public ListenAddress {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("listen host must not be empty");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("listen port must be within 0-65535, got " + port);
        }
    }

    /**
     * Parses {@code HOST:PORT}, {@code [IPv6]:PORT} or {@code :PORT} (all IPv4 interfaces), the forms
     * operators know from other servers' listen flags.
     */
    public static ListenAddress parse(String text) {
        String value = text == null ? "" : text.strip();
        int colon = value.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("listen address must look like 0.0.0.0:7443, got '" + text + "'");
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException(
                    "an IPv6 listen address needs brackets, e.g. [::]:7443, got '" + text + "'");
        }
        if (host.isEmpty()) {
            host = "0.0.0.0";
        }
        try {
            return new ListenAddress(host, Integer.parseInt(value.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("listen port must be a number, got '" + text + "'", e);
        }
    }

    /** True when bound to every interface, so a certificate cannot name "the" address. */
    public boolean wildcard() {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("0:0:0:0:0:0:0:0");
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
