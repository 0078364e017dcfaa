package io.providerkind.sdk;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a URL's host is this machine's loopback interface, read from the text alone: resolving a name
 * would let a DNS answer decide where a password may travel in clear text.
 */
final class Loopback {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile(
            "127\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)");

    private Loopback() {}

    /** {@code localhost}, {@code 127.x.y.z} or {@code [::1]} (as {@link java.net.URI#getHost()} gives it). */
    static boolean is(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost")
                || h.equals("[::1]")
                || h.equals("[0:0:0:0:0:0:0:1]")
                || IPV4_LOOPBACK.matcher(h).matches();
    }
}
