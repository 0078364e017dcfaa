package io.providerkind.kindserver.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Network;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The docker network {@code kind} puts every node on. Its IPv4 gateway is the host's address as every
 * kind node sees it, kindserver's default advertise address. kind makes the network on its first create,
 * which is too late for the address kindserver must write into that very config; so kindserver makes it
 * first when missing, the way kind would (bridge, masquerading, the default bridge's MTU, IPv6 on kind's
 * ULA subnet for the name, IPv4 only where the engine has no IPv6), so kind then finds it as its own.
 */
public final class KindNetwork {

    public static final String NAME = "kind";

    private final DockerClient docker;

    public KindNetwork(DockerClient docker) {
        this.docker = docker;
    }

    /** The network's IPv4 gateway, empty when the network does not exist. */
    public Optional<String> gateway() {
        try {
            Network network = docker.inspectNetworkCmd().withNetworkId(NAME).exec();
            if (network.getIpam() == null || network.getIpam().getConfig() == null) {
                return Optional.empty();
            }
            for (Network.Ipam.Config config : network.getIpam().getConfig()) {
                if (config.getSubnet() != null && !config.getSubnet().contains(":")) {
                    return Optional.ofNullable(config.getGateway())
                            .filter(g -> !g.isBlank())
                            .or(() -> Ipv4.firstHost(config.getSubnet()));
                }
            }
            return Optional.empty();
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** The gateway, creating the network first when it is missing. */
    public Optional<String> ensureGateway() {
        Optional<String> gateway = gateway();
        if (gateway.isPresent()) {
            return gateway;
        }
        try {
            create(true);
        } catch (ConflictException e) {
            // kind (or another kindserver) created it at the same moment: theirs is as good
        } catch (DockerException e) {
            // no IPv6 on this engine: kind then makes an IPv4-only network, and so do we
            try {
                create(false);
            } catch (ConflictException raced) {
                // as above
            }
        }
        return gateway();
    }

    private void create(boolean ipv6) {
        Map<String, String> options = new HashMap<>();
        options.put("com.docker.network.bridge.enable_ip_masquerade", "true");
        defaultBridgeMtu().ifPresent(mtu -> options.put("com.docker.network.driver.mtu", mtu));
        var command =
                docker.createNetworkCmd().withName(NAME).withDriver("bridge").withOptions(options);
        if (ipv6) {
            command = command.withEnableIpv6(true)
                    .withIpam(new Network.Ipam().withConfig(new Network.Ipam.Config().withSubnet(ulaSubnet(NAME, 0))));
        }
        command.exec();
    }

    private Optional<String> defaultBridgeMtu() {
        try {
            Map<String, String> options =
                    docker.inspectNetworkCmd().withNetworkId("bridge").exec().getOptions();
            return Optional.ofNullable(options == null ? null : options.get("com.docker.network.driver.mtu"));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** kind's IPv6 subnet for a network name: fc00::/8 with bytes 2-7 from SHA-1(name, attempt). */
    static String ulaSubnet(String name, int attempt) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(name.getBytes(StandardCharsets.UTF_8));
            sha1.update(ByteBuffer.allocate(4)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putInt(attempt)
                    .array());
            byte[] hash = sha1.digest();
            StringBuilder subnet = new StringBuilder("fc00");
            for (int i = 2; i < 8; i += 2) {
                subnet.append(':').append(Integer.toHexString(((hash[i] & 0xff) << 8) | (hash[i + 1] & 0xff)));
            }
            return subnet.append("::/64").toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
