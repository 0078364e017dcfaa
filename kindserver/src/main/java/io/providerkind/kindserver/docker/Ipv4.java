package io.providerkind.kindserver.docker;

import java.util.Optional;

/** The little IPv4 arithmetic Docker leaves to its clients. */
final class Ipv4 {

    private Ipv4() {}

    /** The first host of a subnet ({@code a.b.c.0/16} gives {@code a.b.c.1}), Docker's default gateway. */
    static Optional<String> firstHost(String cidr) {
        String[] parts = cidr.split("/");
        String[] octets = parts[0].split("\\.");
        if (parts.length != 2 || octets.length != 4) {
            return Optional.empty();
        }
        try {
            long address = 0;
            for (String octet : octets) {
                address = (address << 8) | Integer.parseInt(octet);
            }
            int prefix = Integer.parseInt(parts[1]);
            long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
            long first = (address & mask) + 1;
            return Optional.of(((first >> 24) & 0xFF) + "." + ((first >> 16) & 0xFF) + "." + ((first >> 8) & 0xFF) + "."
                    + (first & 0xFF));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
