package io.providerkind.provider;

import ch.qos.logback.classic.Level;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.providerkind.provider.kindcluster.IdentityUnavailableException;
import io.providerkind.provider.kindcluster.SdkKindServerClientFactory;
import io.providerkind.provider.runtime.GoDuration;
import io.providerkind.provider.runtime.MetricsServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar provider.jar}: reconciles KindClusters of the cluster in the current kubeconfig (or,
 * in a pod, the in-cluster config), with the flags of crossplane/provider-template.
 */
@Command(
        name = "provider-kind",
        mixinStandardHelpOptions = true,
        version = "provider-kind 0.1.0",
        description = "Crossplane provider for kind clusters: reconciles KindClusters through kindserver.")
public final class ProviderMain implements Callable<Integer> {

    /** Begun before the flags are read (see {@link #main}); null: begun once they are accepted. */
    private final BackgroundStart background;

    @Option(
            names = {"-d", "--debug"},
            description = "Run with debug logging.")
    boolean debug;

    // the running command line, so that a refused flag is reported where picocli's own errors go
    @Spec
    CommandSpec spec;

    @Option(
            names = {"-p", "--poll"},
            defaultValue = "1m",
            converter = GoDuration.class,
            description = "Poll interval controls how often an individual resource should be checked for drift "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration poll;

    @Option(
            names = "--busy-poll",
            defaultValue = "5s",
            converter = GoDuration.class,
            description = "How often a cluster being created or deleted is checked when kindserver's changes do not"
                    + " reach the provider by long-poll (default: ${DEFAULT-VALUE}).")
    Duration busyPoll;

    @Option(
            names = {"-s", "--sync"},
            defaultValue = "1h",
            converter = GoDuration.class,
            description = "How often all resources will be double-checked for drift from the desired state "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration sync;

    @Option(
            names = "--poll-jitter",
            converter = GoDuration.class,
            description = "If non-zero, varies the poll interval by a random amount up to plus-or-minus this value "
                    + "(default: a tenth of --poll, 6s at 1m).")
    Duration pollJitter;

    @Option(
            names = "--poll-state-metric",
            defaultValue = "5s",
            converter = GoDuration.class,
            description = "State metric recording interval (default: ${DEFAULT-VALUE}).")
    Duration pollStateMetric;

    @Option(
            names = "--max-reconcile-rate",
            defaultValue = "20",
            description = "The global maximum rate per second at which resources may be checked for drift from "
                    + "the desired state (default: ${DEFAULT-VALUE}).")
    int maxReconcileRate;

    @Option(
            names = {"-l", "--leader-election"},
            defaultValue = "${env:LEADER_ELECTION:-false}",
            description = "Use leader election for the controller manager.")
    boolean leaderElection;

    @Option(
            names = "--enable-management-policies",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "Enable support for ManagementPolicies (default: ${DEFAULT-VALUE}).")
    boolean managementPolicies;

    @Option(
            names = "--metrics-bind-address",
            defaultValue = "0.0.0.0:8080",
            description = "Where /metrics, /healthz and /readyz are served (default: ${DEFAULT-VALUE}).")
    String metricsAddress;

    public ProviderMain() {
        this(null);
    }

    private ProviderMain(BackgroundStart background) {
        this.background = background;
    }

    public static void main(String[] args) {
        // the client and the identity are under way on another thread while this one reads the flags and sets up
        // logging: on a pod's one or two cores the start is that much shorter (README, "Provider start and memory")
        BackgroundStart background = BackgroundStart.begin(Provider::providerNamespace);
        System.exit(commandLine(new ProviderMain(background)).execute(args));
    }

    /** The command line of {@code main}: a failure to start is one line in the log and exit status 1. */
    static CommandLine commandLine(ProviderMain main) {
        return new CommandLine(main).setExecutionExceptionHandler((e, line, parsed) -> {
            // the operator needs what failed, said once; a stack trace would bury it
            log().error("provider-kind cannot start: {}", StartFailures.oneLine(e));
            return 1;
        });
    }

    @Override
    public Integer call() throws Exception {
        if (maxReconcileRate < 1) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--max-reconcile-rate must be at least 1, got " + maxReconcileRate);
        }
        if (pollJitter != null && (pollJitter.isNegative() || pollJitter.compareTo(poll) >= 0)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--poll-jitter must be at least 0 and less than --poll, got " + pollJitter);
        }
        if (pollStateMetric.isZero() || pollStateMetric.isNegative()) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--poll-state-metric must be positive, got " + pollStateMetric);
        }
        BackgroundStart start = background == null ? BackgroundStart.begin(Provider::providerNamespace) : background;
        if (debug) {
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.providerkind")).setLevel(Level.DEBUG);
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.javaoperatorsdk")).setLevel(Level.DEBUG);
        }
        Duration jitter = pollJitter == null ? ProviderSettings.defaultJitter(poll) : pollJitter;
        ProviderSettings settings = new ProviderSettings(
                poll, busyPoll, sync, maxReconcileRate, leaderElection, managementPolicies, jitter, pollStateMetric);
        BackgroundStart.Connection connection = start.connection();
        PrometheusMeterRegistry registry = connection.registry();
        KubernetesClient client = connection.client();
        Provider provider;
        try {
            provider = new Provider(
                    settings,
                    client,
                    new SdkKindServerClientFactory(Duration.ofSeconds(5), Duration.ofSeconds(30)),
                    registry,
                    start::identity);
        } catch (IdentityUnavailableException e) {
            client.close();
            throw e;
        }
        MetricsServer metrics = new MetricsServer(address(metricsAddress), registry, provider::alive, provider::ready);
        metrics.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            log().info("stopping provider-kind");
                            provider.close();
                            metrics.close();
                            client.close();
                            stopped.countDown();
                        },
                        "shutdown"));
        log().info(
                        "starting provider-kind against {} (poll {} ± {}, busy poll {}, sync {}, max reconcile rate {}/s, "
                                + "leader election {}, metrics on port {})",
                        client.getMasterUrl(),
                        poll,
                        jitter,
                        busyPoll,
                        sync,
                        maxReconcileRate,
                        leaderElection,
                        metrics.port());
        provider.start();
        stopped.await();
        return 0;
    }

    /** Looked up when first used: logging is set up on whichever thread of the start gets there first. */
    private static Logger log() {
        return LoggerFactory.getLogger(ProviderMain.class);
    }

    private static InetSocketAddress address(String text) {
        int colon = text.lastIndexOf(':');
        String host = colon <= 0 ? "0.0.0.0" : text.substring(0, colon);
        int port = Integer.parseInt(text.substring(colon + 1));
        return new InetSocketAddress(host, port);
    }
}
