package io.providerkind.kindserver.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import io.providerkind.kindserver.testing.DockerEngine;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KindNetworkTest {

    @Test
    void ipv6SubnetIsTheOneKindChoosesForItsNetwork() {
        // what `docker network inspect kind` shows on any machine where kind made the network
        assertEquals("fc00:f853:ccd:e793::/64", KindNetwork.ulaSubnet("kind", 0));
    }

    @Test
    void gatewayIsAnIpv4AddressOnceTheNetworkIsEnsured() throws Exception {
        try (DockerClient docker = DockerEngine.client()) {
            KindNetwork network = new KindNetwork(docker);

            Optional<String> gateway = network.ensureGateway();

            assertTrue(gateway.orElseThrow().matches("\\d{1,3}(\\.\\d{1,3}){3}"), gateway.toString());
            assertEquals(gateway, network.gateway(), "ensuring again changes nothing");
        }
    }

    @Test
    void firstHostOfASubnetIsDockersDefaultGateway() {
        assertEquals(Optional.of("198.51.100.1"), Ipv4.firstHost("198.51.100.0/24"));
        assertEquals(Optional.of("198.51.0.1"), Ipv4.firstHost("198.51.0.0/16"));
        assertEquals(Optional.empty(), Ipv4.firstHost("not-a-subnet"));
    }
}
