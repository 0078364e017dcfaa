package io.providerkind.provider.bench;

import static io.providerkind.provider.testing.ProviderHarness.waitUpTo;

import io.providerkind.kindserver.testing.KindDouble;
import io.providerkind.kindserver.testing.KindServerProcess;
import io.providerkind.provider.ProviderSettings;
import io.providerkind.provider.api.KindServerEndpoint;
import io.providerkind.provider.api.TestKindClusters;
import io.providerkind.provider.kindcluster.SdkKindServerClientFactory;
import io.providerkind.provider.testing.ProviderHarness;
import io.providerkind.provider.testing.TestApiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The time from applying a KindCluster to its Ready=True, next to the time kind alone takes to make the same cluster,
 * on real parts: the API server (kube-api-test), the provider in this JVM with its default flags and the SDK's HTTP
 * client, kindserver in its own JVM, and the kind test double making real containers on the Docker engine, its steps
 * slowed (KIND_DOUBLE_STEP_SECONDS) so that kind takes as long as a real one. Kind's runs are timed through
 * {@link TimedKind}, so the time around kind is broken down into where it goes ({@link ApplyToReady}).
 *
 * <p>Run with {@code mvn -pl provider -am verify -Papply-bench -DskipTests}; {@code -Dbench.steps=1.0,3.3} (seconds per
 * kind step: kind takes about six steps) and {@code -Dbench.samples=3} change the run. Not a test: it prints figures
 * and asserts nothing.
 */
public final class ApplyToReadyBenchmark {

    private static final Duration CREATE = Duration.ofMinutes(3);

    private ApplyToReadyBenchmark() {}

    public static void main(String[] args) throws Exception {
        List<String> steps =
                Arrays.asList(System.getProperty("bench.steps", "1.0,3.3").split(","));
        int samples = Integer.getInteger("bench.samples", 3);
        try (TestApiServer apiServer = TestApiServer.start()) {
            for (String step : steps) {
                measure(apiServer, step.trim(), samples);
            }
        }
        System.exit(0);
    }

    private static void measure(TestApiServer apiServer, String step, int samples) throws Exception {
        Path work = Files.createTempDirectory("apply-bench");
        TimedKind kind = TimedKind.in(work.resolve("kind"));
        Path config = Files.writeString(work.resolve("kind-config.yaml"), TestKindClusters.SEED_CONFIG);
        KindServerProcess kindserver = new KindServerProcess(work.resolve("state"))
                .withKind(kind.executable())
                .withEnvironment(KindDouble.STEP_SECONDS, step)
                .withEnvironment("KINDSERVER_API_PORT_RANGE", "38500-38599")
                .start();
        List<ApplyToReady> samplesTaken = new ArrayList<>();
        try (ProviderHarness harness = ProviderHarness.on(apiServer)
                .start(
                        ProviderSettings.defaults(),
                        new SdkKindServerClientFactory(Duration.ofSeconds(5), Duration.ofSeconds(30)))) {
            harness.applyProviderConfig(
                    "default",
                    new KindServerEndpoint(kindserver.baseUrl().toString(), kindserver.caPem(), null),
                    kindserver.password(),
                    null);
            for (int i = 0; i < samples; i++) {
                long alone = KindAlone.create(kind, config, step, "bench-alone-" + i);
                ApplyToReady sample = ApplyToReady.measure(harness, kindserver.client(), kind, "bench-apply-" + i);
                samplesTaken.add(sample.withKindAlone(alone));
                harness.client().resource(harness.get("bench-apply-" + i)).delete();
                String name = "bench-apply-" + i;
                waitUpTo(CREATE, name + " is deleted")
                        .until(() -> harness.get(name) == null
                                && kindserver.client().find(name).isEmpty());
            }
        } finally {
            kindserver.close();
        }
        System.out.print(
                ApplyToReady.report(String.format(Locale.ROOT, "%s=%s", KindDouble.STEP_SECONDS, step), samplesTaken));
    }
}
