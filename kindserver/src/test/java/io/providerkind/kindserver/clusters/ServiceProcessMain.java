package io.providerkind.kindserver.clusters;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.providerkind.kindserver.docker.DockerClients;
import io.providerkind.kindserver.net.PortRange;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * A kindserver engine in a JVM of its own, so that a test can kill it (SIGKILL, as a crash or an OOM
 * kill would) in the middle of a create. Arguments: kind binary, state dir, port range, cluster name;
 * the kind config comes on stdin.
 */
public final class ServiceProcessMain {

    private ServiceProcessMain() {}

    public static void main(String[] args) throws Exception {
        String config = new String(System.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        KindClusterService service = new KindClusterService(new ClusterServiceConfig(
                Path.of(args[0]),
                Path.of(args[1]),
                Optional.of("127.0.0.1"),
                PortRange.parse(args[2]),
                2,
                DockerClients.connect(Optional.empty()),
                DockerClients.connectForEvents(Optional.empty()),
                new SimpleMeterRegistry(),
                Clock.systemUTC(),
                ClusterServiceConfig.Timeouts.defaults()));
        service.start();
        service.create(args[3], config);
        System.out.println("ACCEPTED");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
