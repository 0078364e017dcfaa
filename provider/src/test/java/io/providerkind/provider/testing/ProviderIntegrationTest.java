package io.providerkind.provider.testing;

import io.providerkind.provider.ProviderSettings;
import io.providerkind.provider.kindcluster.KindServerClientFactory;
import io.providerkind.testsupport.realparts.RequiresKubeApiServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The base of every provider test on a real API server: one kube-apiserver (kube-api-test) serves every such class
 * of the test JVM ({@link SharedApiServer}; without its binaries the class fails under CI=true and is skipped
 * elsewhere); a test starts the provider on it with {@link #startProvider}, package/crds applied; after each test
 * every provider it started is stopped and everything it and the test wrote is removed, so that the next test finds
 * the API server as it started. A test class declares only what differs: its settings and its kindserver.
 */
@RequiresKubeApiServer
@ExtendWith(SharedApiServer.class)
public abstract class ProviderIntegrationTest {

    /** Enough for a reconcile on a busy two-core machine; a lost event still shows within a test's run. */
    protected static final Duration WAIT = Duration.ofSeconds(30);
    /** A Ready cluster polled every second, a busy one every 200 ms: changes reach a test within seconds. */
    protected static final ProviderSettings FAST_POLL =
            ProviderSettings.defaults().withPoll(Duration.ofSeconds(1)).withBusyPoll(Duration.ofMillis(200));

    private final List<ProviderHarness> harnesses = new ArrayList<>();
    private TestApiServer apiServer;

    @BeforeEach
    void onTheSharedApiServer(TestApiServer apiServer) {
        this.apiServer = apiServer;
    }

    /** The provider, started on the API server; stopped and cleaned up after the test. */
    protected ProviderHarness startProvider(ProviderSettings settings, KindServerClientFactory kindservers) {
        ProviderHarness harness = ProviderHarness.on(apiServer);
        harnesses.add(harness);
        return harness.start(settings, kindservers);
    }

    /** The API server with package/crds applied and no provider: for a test of one part on the real thing. */
    protected ProviderHarness withoutProvider() {
        ProviderHarness harness = ProviderHarness.on(apiServer);
        harnesses.add(harness);
        return harness;
    }

    @AfterEach
    void stopProvidersAndRemoveWhatTheyMade() {
        harnesses.forEach(ProviderHarness::close);
        apiServer.removeWhatTestsWrote();
    }
}
