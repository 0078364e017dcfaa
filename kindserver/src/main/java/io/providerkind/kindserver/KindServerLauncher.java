package io.providerkind.kindserver;

import com.github.dockerjava.api.DockerClient;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.providerkind.kindserver.api.ApiPaths;
import io.providerkind.kindserver.api.ApiSettings;
import io.providerkind.kindserver.api.HttpApi;
import io.providerkind.kindserver.clusters.ClusterService;
import io.providerkind.kindserver.clusters.ClusterServiceConfig;
import io.providerkind.kindserver.clusters.KindClusterService;
import io.providerkind.kindserver.config.KindServerSettings;
import io.providerkind.kindserver.docker.DockerClients;
import io.providerkind.kindserver.docker.NodeInspector;
import io.providerkind.kindserver.registry.RegistryContainer;
import io.providerkind.sdk.LocalRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a running kindserver from its settings: the Docker client, the metrics registry, the local registry
 * container (with {@code --registry}), the cluster
 * service (which reconciles its records with Docker first), the TLS identity and the HTTPS API, in that
 * order, so that the API never answers before the clusters are known. What was built is released again
 * when a later step fails.
 */
public final class KindServerLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(KindServerLauncher.class);
    private static final Duration HTTP_STOP_TIMEOUT = Duration.ofSeconds(5);

    private final Clock clock;
    private final ClusterServiceConfig.Timeouts timeouts;

    /**
     * @param timeouts how long kind may run (tests shorten it); Docker's answer deadline and the shutdown grace
     *                 come from the settings ({@code --docker-timeout}, {@code --shutdown-grace})
     */
    public KindServerLauncher(Clock clock, ClusterServiceConfig.Timeouts timeouts) {
        this.clock = clock;
        this.timeouts = timeouts;
    }

    /** The production wiring, used by {@link KindServerMain}. */
    public static KindServer start(KindServerSettings settings) {
        return new KindServerLauncher(Clock.systemUTC(), ClusterServiceConfig.Timeouts.defaults()).launch(settings);
    }

    public KindServer launch(KindServerSettings settings) {
        List<AutoCloseable> resources = new ArrayList<>();
        ClusterService clusters = null;
        try {
            PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            resources.add(metrics::close);
            bindJvmMetrics(metrics, resources);
            DockerClient docker = DockerClients.connect(Optional.empty(), settings.dockerTimeout());
            resources.add(0, docker); // closed after the cluster service, which uses it until the end
            DockerClient dockerEvents = DockerClients.connectForEvents(Optional.empty());
            resources.add(0, dockerEvents);
            Optional<String> advertiseAddress = settings.advertiseAddress().or(() -> kindNetworkGateway(docker));
            // before the clusters: a cluster made from now on is wired to a registry that runs
            Optional<LocalRegistry> registry =
                    settings.registry().map(wanted -> new RegistryContainer(docker, wanted).ensure());
            clusters = startClusterService(new ClusterServiceConfig(
                    Path.of(settings.kindBinary()),
                    settings.stateDir(),
                    advertiseAddress,
                    settings.apiPortRange(),
                    settings.maxParallelCreates(),
                    docker,
                    dockerEvents,
                    metrics,
                    clock,
                    timeouts.withDocker(settings.dockerTimeout()).withShutdownGrace(settings.shutdownGrace()),
                    registry));
            var tls = new ServerTls(clock).identity(settings, advertiseAddress);
            HttpApi http = HttpApi.start(
                    new ApiSettings(
                            settings.listen().host(),
                            settings.listen().port(),
                            settings.maxBodyBytes(),
                            HTTP_STOP_TIMEOUT),
                    tls,
                    settings.password(),
                    clusters,
                    metrics,
                    clock);
            LOG.info(
                    "kindserver serves https://{}:{}{} (state dir {}, kind {}, API server ports {})",
                    settings.listen().host(),
                    http.port(),
                    ApiPaths.CLUSTERS,
                    settings.stateDir(),
                    settings.kindBinary(),
                    settings.apiPortRange());
            return new KindServer(http, clusters, tls, resources);
        } catch (RuntimeException e) {
            if (clusters != null) {
                clusters.close();
            }
            closeAll(resources);
            throw e;
        }
    }

    /** Started before the API listens: recovery has reconciled the state dir with Docker by then. */
    private static ClusterService startClusterService(ClusterServiceConfig config) {
        KindClusterService service = new KindClusterService(config);
        try {
            service.start();
            return service;
        } catch (RuntimeException e) {
            service.close();
            throw e;
        }
    }

    /** The engine's default advertise address, resolved here too so the self-signed certificate names it. */
    private static Optional<String> kindNetworkGateway(DockerClient docker) {
        try {
            Optional<String> gateway = new NodeInspector(docker).ensureKindNetworkGateway();
            if (gateway.isEmpty()) {
                LOG.warn("the docker 'kind' network has no IPv4 gateway; set --advertise-address");
            }
            return gateway;
        } catch (RuntimeException e) {
            LOG.warn(
                    "cannot ask Docker for the 'kind' network's gateway ({}); the advertise address will be "
                            + "resolved on first use and is not in the self-signed certificate until a restart",
                    e.toString());
            return Optional.empty();
        }
    }

    private static void bindJvmMetrics(PrometheusMeterRegistry metrics, List<AutoCloseable> resources) {
        new ClassLoaderMetrics().bindTo(metrics);
        new JvmMemoryMetrics().bindTo(metrics);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(metrics);
        resources.add(gc);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        new UptimeMetrics().bindTo(metrics);
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn(
                        "could not release {} after a failed start: {}",
                        resource.getClass().getSimpleName(),
                        e.toString());
            }
        }
    }
}
