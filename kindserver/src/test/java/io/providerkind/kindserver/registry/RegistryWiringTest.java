package io.providerkind.kindserver.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.providerkind.kindserver.kind.NodeCommands;
import io.providerkind.sdk.LocalRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which host names a node maps to the registry, and what it writes for them. */
class RegistryWiringTest {

    private static RegistryWiring wiring(String hostAddress) {
        return new RegistryWiring(
                new LocalRegistry(hostAddress, "kindserver-registry:5000"),
                NodeCommands.onPath(),
                Duration.ofSeconds(5));
    }

    @Test
    void aLoopbackRegistryIsAlsoLocalhostAsKindsRecipeNamesIt() {
        assertEquals(
                List.of("127.0.0.1:5001", "localhost:5001"),
                wiring("127.0.0.1:5001").hostNames());
        assertEquals(
                List.of("[::1]:5001", "localhost:5001"), wiring("[::1]:5001").hostNames());
        assertEquals(List.of("192.0.2.7:5001"), wiring("192.0.2.7:5001").hostNames());
    }

    @Test
    void hostsTomlSendsPullsToTheRegistryOnTheKindNetworkOverHttp() {
        assertEquals(
                "# the local registry of kindserver (--registry), as kind's local-registry recipe wires it\n"
                        + "[host.\"http://kindserver-registry:5000\"]\n",
                wiring("127.0.0.1:5001").hostsToml());
    }
}
