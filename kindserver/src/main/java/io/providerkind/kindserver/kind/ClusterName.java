package io.providerkind.kindserver.kind;

import java.util.regex.Pattern;

/**
 * A kind cluster name that kind and Docker accept: kind's rule {@code ^[a-z0-9.-]+$}, at most 50
 * characters (kind appends {@code -control-plane} to form a host name of at most 64), and, as Docker
 * container names must, starting with a letter or digit. Checked before anything runs, so that a bad
 * name never reaches a process or a file name in the state dir.
 */
public record ClusterName(String value) {

    public static final int MAX_LENGTH = 50;
    private static final Pattern KIND_RULE = Pattern.compile("^[a-z0-9.-]+$");

    public ClusterName {
        if (value == null || value.isEmpty()) {
            throw new InvalidRequestException("cluster name must not be empty");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidRequestException(
                    "cluster name must be at most " + MAX_LENGTH + " characters, got " + value.length());
        }
        if (!KIND_RULE.matcher(value).matches()) {
            throw new InvalidRequestException("cluster name '" + printable(value)
                    + "' must consist of lower-case letters, digits, '.' and '-' (kind's rule ^[a-z0-9.-]+$)");
        }
        if (!Character.isLetterOrDigit(value.charAt(0))) {
            throw new InvalidRequestException(
                    "cluster name '" + value + "' must start with a letter or digit (Docker container names must)");
        }
    }

    /** The control-plane node's container (and host) name. */
    public String controlPlaneNode() {
        return value + "-control-plane";
    }

    @Override
    public String toString() {
        return value;
    }

    /** Echoes a rejected name without control characters, so the message cannot forge log lines. */
    private static String printable(String raw) {
        StringBuilder out = new StringBuilder();
        raw.codePoints()
                .limit(MAX_LENGTH + 10L)
                .forEach(cp -> out.append(Character.isISOControl(cp) ? "?" : Character.toString(cp)));
        return out.toString();
    }
}
