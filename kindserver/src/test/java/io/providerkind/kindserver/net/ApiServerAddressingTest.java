package io.providerkind.kindserver.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.providerkind.kindserver.kind.ClusterName;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ApiServerAddressingTest {

    private static final PortRange RANGE = new PortRange(36443, 36446);

    private ApiServerAddressing addressing(PortProbe probe) {
        return new ApiServerAddressing(Optional.of("127.0.0.1"), Optional::empty, RANGE, probe);
    }

    @Test
    void neverHandsOutAPortTwiceWhileItIsHeld() {
        ApiServerAddressing addressing = addressing((a, p) -> false);
        Set<Integer> ports = new HashSet<>();
        for (String cluster : new String[] {"a", "b", "c", "d"}) {
            ports.add(addressing.allocate(cluster, Set.of()).orElseThrow());
        }
        assertEquals(4, ports.size());
        assertTrue(addressing.allocate("e", Set.of()).isEmpty(), "the range is exhausted");
    }

    @Test
    void aClusterKeepsItsPortWhenAskedAgain() {
        ApiServerAddressing addressing = addressing((a, p) -> false);
        int first = addressing.allocate("a", Set.of()).orElseThrow();
        assertEquals(first, addressing.allocate("a", Set.of()).orElseThrow());
        assertEquals(OptionalInt.of(first), addressing.portOf("a"));
    }

    @Test
    void releasedPortsAreFreeAgainButNotReusedFirst() {
        ApiServerAddressing addressing = addressing((a, p) -> false);
        int a = addressing.allocate("a", Set.of()).orElseThrow();
        addressing.release("a");
        int b = addressing.allocate("b", Set.of()).orElseThrow();
        assertNotEquals(a, b, "round-robin: a just-released port is not handed out at once");
        addressing.allocate("c", Set.of());
        addressing.allocate("d", Set.of());
        assertEquals(a, addressing.allocate("e", Set.of()).orElseThrow(), "but it is free again");
    }

    @Test
    void skipsPortsThatAreBoundOnTheHost() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int busy = taken.getLocalPort();
            PortRange single = new PortRange(busy, busy);
            ApiServerAddressing addressing =
                    new ApiServerAddressing(Optional.of("127.0.0.1"), Optional::empty, single, PortProbe.bindProbe());

            assertTrue(addressing.inUseOnHost(busy));
            assertTrue(addressing.allocate("a", Set.of()).isEmpty(), "the only port is bound by someone else");
        }
    }

    @Test
    void skipsPortsOtherKindNodesPublish() {
        ApiServerAddressing addressing = addressing((a, p) -> false);
        assertEquals(36445, addressing.allocate("a", Set.of(36443, 36444)).orElseThrow());
    }

    @Test
    void reservesPortsFromRecordsAndRefusesAClash() {
        ApiServerAddressing addressing = addressing((a, p) -> false);
        assertTrue(addressing.reserve("a", 36444));
        assertFalse(addressing.reserve("b", 36444));
        assertNotEquals(36444, addressing.allocate("b", Set.of()).orElseThrow());
    }

    @Test
    void defaultAddressIsTheKindNetworkGatewayLookedUpOnce() {
        AtomicInteger lookups = new AtomicInteger();
        ApiServerAddressing addressing = new ApiServerAddressing(
                Optional.empty(),
                () -> {
                    lookups.incrementAndGet();
                    return Optional.of("gateway.example");
                },
                RANGE,
                (a, p) -> false);

        assertTrue(addressing.knownAddress().isEmpty());
        assertEquals("gateway.example", addressing.address());
        assertEquals("gateway.example", addressing.address());
        assertEquals(1, lookups.get());
    }

    @Test
    void noGatewayAndNoAddressIsAClearError() {
        ApiServerAddressing addressing =
                new ApiServerAddressing(Optional.empty(), Optional::empty, RANGE, (a, p) -> false);
        AddressUnavailableException e = assertThrows(AddressUnavailableException.class, addressing::address);
        assertTrue(e.getMessage().contains("--advertise-address"), e.getMessage());
    }

    @Test
    void endpointsAndInternalServers() {
        assertEquals("https://127.0.0.1:36443", ApiServerAddressing.endpoint("127.0.0.1", 36443));
        assertEquals("https://[::1]:36443", ApiServerAddressing.endpoint("::1", 36443));
        assertEquals(
                "https://dev-control-plane:6443",
                ApiServerAddressing.internalServer(new ClusterName("dev").controlPlaneNode()));
    }
}
