package io.providerkind.kindserver.net;

/**
 * An inclusive range of TCP ports on the advertise address from which API server ports are handed out.
 *
 * @param first lowest port of the range
 * @param last  highest port of the range (inclusive)
 */
public record PortRange(int first, int last) {

    public PortRange {
        if (first < 1 || last > 65_535 || first > last) {
            throw new IllegalArgumentException(
                    "API server port range must be FIRST-LAST within 1-65535 with FIRST <= LAST, got " + first + "-"
                            + last);
        }
    }

    /** Parses the flag form {@code 36443-36999}; a single port {@code 36443} is a range of one. */
    public static PortRange parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        int dash = trimmed.indexOf('-');
        try {
            if (dash < 0) {
                int port = Integer.parseInt(trimmed);
                return new PortRange(port, port);
            }
            return new PortRange(
                    Integer.parseInt(trimmed.substring(0, dash).strip()),
                    Integer.parseInt(trimmed.substring(dash + 1).strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "API server port range must look like 36443-36999, got '" + text + "'", e);
        }
    }

    public boolean contains(int port) {
        return port >= first && port <= last;
    }

    public int size() {
        return last - first + 1;
    }

    @Override
    public String toString() {
        return first + "-" + last;
    }
}
