package io.providerkind.kindserver.net;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Where the API servers of kindserver's clusters listen: one address for all (the advertise address, by
 * default the gateway of the docker {@code kind} network, which the host and every kind node can reach) and
 * one port per cluster from the configured range.
 *
 * <p>A port is held by its cluster from the create until the delete; it is never handed out while held,
 * and ports that something else on the host already listens on (or that another kind node publishes) are
 * skipped. Allocation walks the range round-robin so that a just-released port is not reused at once.
 */
public final class ApiServerAddressing {

    /** The port every kind control-plane's API server listens on inside the kind network. */
    public static final int INTERNAL_API_PORT = 6443;

    private final Optional<String> configuredAddress;
    private final Supplier<Optional<String>> kindNetworkGateway;
    private final PortRange range;
    private final PortProbe probe;
    private final Map<String, Integer> held = new HashMap<>();
    private int cursor;
    private volatile String resolvedAddress;

    /**
     * @param configuredAddress  the operator's advertise address, or empty for the kind network's gateway
     * @param kindNetworkGateway looks the gateway up (it may create the network first); empty when impossible
     */
    public ApiServerAddressing(
            Optional<String> configuredAddress,
            Supplier<Optional<String>> kindNetworkGateway,
            PortRange range,
            PortProbe probe) {
        this.configuredAddress = configuredAddress.map(String::strip).filter(a -> !a.isEmpty());
        this.kindNetworkGateway = kindNetworkGateway;
        this.range = range;
        this.probe = probe;
        this.cursor = range.first();
    }

    public PortRange range() {
        return range;
    }

    /** The address if it is known without asking Docker (configured, or resolved before). */
    public Optional<String> knownAddress() {
        if (configuredAddress.isPresent()) {
            return configuredAddress;
        }
        return Optional.ofNullable(resolvedAddress);
    }

    /** The advertise address, resolving the kind network's gateway on first use. */
    public String address() {
        return knownAddress()
                .or(this::resolveGateway)
                .orElseThrow(
                        () -> new AddressUnavailableException(
                                "no advertise address: the docker 'kind' network has no IPv4 gateway; set --advertise-address"));
    }

    private Optional<String> resolveGateway() {
        Optional<String> gateway = kindNetworkGateway.get();
        gateway.ifPresent(g -> resolvedAddress = g);
        return gateway;
    }

    /**
     * The cluster's port: the one it holds, or a fresh one that nobody holds, that is not in
     * {@code publishedElsewhere} and that nothing on the host listens on. Empty when the range is exhausted.
     */
    public synchronized OptionalInt allocate(String cluster, Set<Integer> publishedElsewhere) {
        Integer own = held.get(cluster);
        if (own != null) {
            return OptionalInt.of(own);
        }
        Optional<String> address = knownAddress();
        for (int i = 0; i < range.size(); i++) {
            int port = cursor;
            cursor = port == range.last() ? range.first() : port + 1;
            if (held.containsValue(port) || publishedElsewhere.contains(port)) {
                continue;
            }
            if (address.isPresent() && probe.inUse(address.get(), port)) {
                continue;
            }
            held.put(cluster, port);
            return OptionalInt.of(port);
        }
        return OptionalInt.empty();
    }

    /** Records a port a cluster already holds (from its record on disk); false if another cluster holds it. */
    public synchronized boolean reserve(String cluster, int port) {
        for (Map.Entry<String, Integer> entry : held.entrySet()) {
            if (entry.getValue() == port && !entry.getKey().equals(cluster)) {
                return false;
            }
        }
        held.put(cluster, port);
        return true;
    }

    /** True when something on the host listens on the port now (checked just before kind runs). */
    public boolean inUseOnHost(int port) {
        return knownAddress().map(address -> probe.inUse(address, port)).orElse(false);
    }

    public synchronized void release(String cluster) {
        held.remove(cluster);
    }

    public synchronized OptionalInt portOf(String cluster) {
        Integer port = held.get(cluster);
        return port == null ? OptionalInt.empty() : OptionalInt.of(port);
    }

    /** {@code https://<address>:<port>}, the server of a cluster's external kubeconfig. */
    public static String endpoint(String address, int port) {
        String host = address.contains(":") ? "[" + address + "]" : address;
        return "https://" + host + ":" + port;
    }

    /** The server of a cluster's kubeconfig for use on the kind network, given its control-plane node's host name. */
    public static String internalServer(String controlPlaneNode) {
        return "https://" + controlPlaneNode + ":" + INTERNAL_API_PORT;
    }
}
