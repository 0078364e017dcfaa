package io.providerkind.provider.testing;

import io.fabric8.kubeapitest.junit.EnableKubeAPIServer;
import io.fabric8.kubeapitest.junit.KubeConfig;
import io.providerkind.provider.ProviderSettings;
import io.providerkind.provider.kindcluster.KindServerClientFactory;
import io.providerkind.testsupport.realparts.KubeApiServerBinaries;
import io.providerkind.testsupport.realparts.RequiresKubeApiServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * The base of every provider test on a real API server: kube-api-test runs one kube-apiserver per test class (and
 * without its binaries the class fails under CI=true and is skipped elsewhere); a test starts the provider on it
 * with {@link #startProvider}, package/crds applied; after each test every provider it started is stopped and the
 * resources it made are removed. A test class declares only what differs: its settings and its kindserver.
 */
@RequiresKubeApiServer
@EnableKubeAPIServer(kubeAPIVersion = KubeApiServerBinaries.VERSION)
public abstract class ProviderIntegrationTest {

    /** Enough for a reconcile on a busy two-core machine; a lost event still shows within a test's run. */
    protected static final Duration WAIT = Duration.ofSeconds(30);
    /** A Ready cluster polled every second, a busy one every 200 ms: changes reach a test within seconds. */
    protected static final ProviderSettings FAST_POLL =
            ProviderSettings.defaults().withPoll(Duration.ofSeconds(1)).withBusyPoll(Duration.ofMillis(200));

    /** Written by kube-api-test before the class's first test; static, as there is one API server per class. */
    @KubeConfig
    static String kubeconfig;

    private final List<ProviderHarness> harnesses = new ArrayList<>();

    /** The provider, started on this class's API server; stopped and cleaned up after the test. */
    protected ProviderHarness startProvider(ProviderSettings settings, KindServerClientFactory kindservers) {
        ProviderHarness harness = new ProviderHarness(kubeconfig);
        harnesses.add(harness);
        return harness.start(settings, kindservers);
    }

    /** This class's API server with package/crds applied and no provider: for a test of one part on the real thing. */
    protected ProviderHarness withoutProvider() {
        ProviderHarness harness = new ProviderHarness(kubeconfig);
        harnesses.add(harness);
        return harness;
    }

    @AfterEach
    void stopProvidersAndRemoveWhatTheyMade() {
        harnesses.forEach(ProviderHarness::close);
    }
}
