package io.providerkind.kindserver.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;

/** Tells whether something on this host already listens on a port, so it is not handed to a new cluster. */
@FunctionalInterface
public interface PortProbe {

    boolean inUse(String address, int port);

    /**
     * Tries to bind the port on the address for an instant. An address that is not one of this host's
     * (a remote advertise address, say) cannot be probed; then only kindserver's own bookkeeping counts.
     */
    static PortProbe bindProbe() {
        return (address, port) -> {
            InetAddress inet;
            try {
                inet = InetAddress.getByName(address);
                if (!inet.isAnyLocalAddress() && NetworkInterface.getByInetAddress(inet) == null) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress(inet, port), 1);
                return false;
            } catch (IOException e) {
                return true;
            }
        };
    }
}
