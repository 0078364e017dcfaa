package io.providerkind.kindserver.registry;

import com.google.common.net.InetAddresses;
import io.providerkind.kindserver.containerd.HostsFile;
import io.providerkind.kindserver.kind.KindCommandException;
import io.providerkind.kindserver.kind.NodeCommands;
import io.providerkind.sdk.LocalRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Wires a cluster kind has just made to the local registry, as kind's local-registry recipe does after its create:
 * in every node a {@code hosts.toml} maps the registry's host address (and {@code localhost:<port>} when that is a
 * loopback address, the name the recipe uses) to the registry on the {@code kind} network, and the control plane gets
 * the {@code local-registry-hosting} ConfigMap of KEP-1755 in {@code kube-public}, applied with the node's own kubectl
 * as kind installs its manifests. The containerd side ({@code config_path}) is in the kind config already. The
 * hosts.toml files of the user's own registry mirrors, which containerd reads from the same directory, are written
 * beside the registry's.
 */
public final class RegistryWiring {

    /** Where containerd looks for each registry host's configuration (the config_path kindserver's patch sets). */
    static final String CERTS_D = "/etc/containerd/certs.d";

    private static final String KIND_DOCS = "https://kind.sigs.k8s.io/docs/user/local-registry/";

    private final LocalRegistry registry;
    private final NodeCommands nodes;
    private final Duration timeout;

    /** @param timeout the limit for each command run in a node */
    public RegistryWiring(LocalRegistry registry, NodeCommands nodes, Duration timeout) {
        this.registry = registry;
        this.nodes = nodes;
        this.timeout = timeout;
    }

    /**
     * Writes every node's {@code hosts.toml} files, the registry's and then {@code mirrors}, then applies the
     * ConfigMap in the control plane.
     *
     * @param nodeNames        the cluster's node containers (not its external load balancer, which runs no containerd)
     * @param controlPlaneName the control-plane node, whose admin.conf reaches the API server
     * @param mirrors          the hosts.toml files translated from the user's containerd patches
     * @throws KindCommandException a command in a node failed; its message names the node and quotes the error
     */
    public void wire(List<String> nodeNames, String controlPlaneName, List<HostsFile> mirrors)
            throws KindCommandException, InterruptedException {
        for (String node : nodeNames) {
            for (String host : hostNames()) {
                writeHostsToml(node, host, hostsToml());
            }
            for (HostsFile mirror : mirrors) {
                writeHostsToml(node, mirror.directory(), mirror.text());
            }
        }
        nodes.run(
                controlPlaneName,
                List.of("kubectl", "--kubeconfig=/etc/kubernetes/admin.conf", "apply", "-f", "-"),
                configMap(),
                timeout);
    }

    private void writeHostsToml(String node, String host, String text)
            throws KindCommandException, InterruptedException {
        nodes.run(
                node,
                List.of("sh", "-c", "mkdir -p \"$1\" && cat > \"$1/hosts.toml\"", "sh", CERTS_D + "/" + host),
                text,
                timeout);
    }

    /** The names pods and the host use for the registry: its host address, and localhost's for a loopback one. */
    public List<String> hostNames() {
        List<String> names = new ArrayList<>(List.of(registry.hostAddress()));
        int colon = registry.hostAddress().lastIndexOf(':');
        String host =
                registry.hostAddress().substring(0, colon).replace("[", "").replace("]", "");
        if (InetAddresses.isInetAddress(host) && InetAddresses.forString(host).isLoopbackAddress()) {
            names.add("localhost" + registry.hostAddress().substring(colon));
        }
        return names;
    }

    /** containerd's hosts.toml: pulls of the host's name for the registry go to it over plain HTTP on kind's network. */
    String hostsToml() {
        return "# the local registry of kindserver (--registry), as kind's local-registry recipe wires it\n"
                + "[host.\"http://" + registry.clusterAddress() + "\"]\n";
    }

    /** KEP-1755's ConfigMap, which tools (Tilt, Skaffold, ctlptl) read to find where to push. */
    String configMap() {
        return """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: local-registry-hosting
                  namespace: kube-public
                data:
                  localRegistryHosting.v1: |
                    host: "%s"
                    hostFromClusterNetwork: "%s"
                    help: "%s"
                """.formatted(registry.hostAddress(), registry.clusterAddress(), KIND_DOCS);
    }
}
