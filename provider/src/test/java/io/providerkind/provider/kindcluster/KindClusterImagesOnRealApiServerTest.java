package io.providerkind.provider.kindcluster;

import static io.providerkind.provider.testing.ProviderHarness.holdsFor;
import static io.providerkind.provider.testing.ProviderHarness.waitUpTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.providerkind.provider.ProviderSettings;
import io.providerkind.provider.api.ForProvider;
import io.providerkind.provider.api.ImageStatus;
import io.providerkind.provider.api.KindCluster;
import io.providerkind.provider.api.KindClusterSpec;
import io.providerkind.provider.api.ManagementAction;
import io.providerkind.provider.api.Reference;
import io.providerkind.provider.api.TestKindClusters;
import io.providerkind.provider.testing.FakeKindServer;
import io.providerkind.provider.testing.NamespacedApi;
import io.providerkind.provider.testing.ProviderHarness;
import io.providerkind.provider.testing.ProviderIntegrationTest;
import io.providerkind.provider.testing.WebhookReceiver;
import io.providerkind.sdk.ConflictException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * spec.forProvider.preloadImages on a real API server, kindserver faked: loaded once the cluster is Ready, exactly
 * the missing images and once; a changed list loads the new image only and is no drift; a failed image is shown,
 * told, and asked again at the next poll, the cluster staying Ready; loads under way are followed through kindserver's
 * long-poll, not the busy poll; an Observe-only import never asks; kindserver's refusals show in Synced; the namespaced
 * KindCluster does the same.
 */
class KindClusterImagesOnRealApiServerTest extends ProviderIntegrationTest {

    /** Longer than a test's look at what does not happen, so that a look within it sees no poll. */
    private static final Duration POLL = Duration.ofSeconds(3);

    private static final ProviderSettings SETTINGS =
            ProviderSettings.defaults().withPoll(POLL).withBusyPoll(Duration.ofMillis(200));
    private static final String MISSING = "image \"app:2\" not present locally on the Docker host";

    private final FakeKindServer kindserver = new FakeKindServer();

    @Test
    void imagesAreLoadedOnceReadyAndAChangedListLoadsTheNewImageOnlyWithoutDrift() throws Exception {
        try (WebhookReceiver alerts = new WebhookReceiver()) {
            ProviderHarness harness = startProvider(SETTINGS, connection -> kindserver);
            harness.applyProviderConfig("default", alerts.url());
            harness.apply(cluster("img", List.of(ManagementAction.All), "app:1", "app:2"));
            harness.awaitCondition("img", "Ready", "False", "Creating", WAIT);
            assertEquals(List.of(), kindserver.images.requests, "nothing is asked of a cluster kind still makes");

            kindserver.ready("img");
            waitUpTo(WAIT, "the images to be asked for once the cluster is Ready")
                    .until(() -> !kindserver.images.requests.isEmpty());
            harness.awaitCondition("img", "Ready", "True", "Available", WAIT);
            kindserver.images.loaded("img", "app:1");
            kindserver.images.loaded("img", "app:2");
            waitUpTo(WAIT, "status to show both images loaded")
                    .until(
                            () -> harness.get("img").atProvider().images(),
                            images -> images.equals(List.of(
                                    new ImageStatus("app:1", "Loaded", null),
                                    new ImageStatus("app:2", "Loaded", null))));
            holdsFor("no image is asked for twice", POLL.plusSeconds(1), () -> kindserver.images.requests.size() == 1);
            assertEquals(List.of(List.of("app:1", "app:2")), kindserver.images.requestsFor("img"));

            harness.changePreloadImages("img", List.of("app:1", "app:2", "app:3"));
            waitUpTo(WAIT, "the new image to be asked for")
                    .until(() -> kindserver.images.requestsFor("img").size() == 2);
            assertEquals(List.of("app:3"), kindserver.images.requestsFor("img").get(1));
            harness.awaitCondition("img", DriftAlerts.CONDITION, "False", DriftAlerts.REASON_IN_SYNC, WAIT);
            assertEquals(List.of(), alerts.bodies(), "a changed list is no drift");
            assertEquals(0, harness.eventCount("img", "Warning DriftDetected"));
            assertEquals(1, kindserver.creates.get(), "nor a reason to create again");
        }
    }

    @Test
    void aFailedImageIsShownAndToldLeavesTheClusterReadyAndIsAskedAgainAtTheNextPoll() {
        ProviderHarness harness = readyCluster("fail", List.of(ManagementAction.All), "app:1", "app:2");
        waitUpTo(WAIT, "the images to be asked for").until(() -> kindserver.images.requests.size() == 1);
        kindserver.images.loaded("fail", "app:1");
        kindserver.images.failed("fail", "app:2", MISSING);

        waitUpTo(WAIT, "status to show the failure in kindserver's words")
                .until(
                        () -> harness.get("fail").atProvider().images().get(1),
                        image -> image.equals(new ImageStatus("app:2", "Failed", MISSING)));
        waitUpTo(WAIT, "one Warning Event to tell it")
                .until(() -> harness.eventCount("fail", "Warning " + ImageLoadFailures.EVENT_FAILED) == 1);
        assertTrue(
                harness.events("fail").stream().anyMatch(e -> e.contains(MISSING)),
                harness.events("fail").toString());
        assertEquals("True", harness.condition("fail", "Ready").orElseThrow().status(), "the cluster works");
        assertEquals("True", harness.condition("fail", "Synced").orElseThrow().status());

        holdsFor(
                "the failure is not asked again before the next poll",
                POLL.dividedBy(2),
                () -> kindserver.images.requests.size() == 1);
        waitUpTo(WAIT, "the next poll to ask for the failed image again")
                .until(() -> kindserver.images.requests.size() == 2);
        assertEquals(List.of(List.of("app:1", "app:2"), List.of("app:2")), kindserver.images.requestsFor("fail"));
    }

    @Test
    void loadsUnderWayAreFollowedAsKindserverChangesThemNotAtTheBusyPoll() {
        ProviderSettings slowPolls =
                ProviderSettings.defaults().withPoll(Duration.ofMinutes(10)).withBusyPoll(Duration.ofMinutes(5));
        kindserver.existing("follow", TestKindClusters.SEED_CONFIG);
        FakeKindServerWithETags withETags = new FakeKindServerWithETags(kindserver);
        ProviderHarness harness = startProvider(slowPolls, connection -> withETags);
        harness.applyProviderConfig("default", null);
        harness.apply(cluster("follow", List.of(ManagementAction.All), "app:1"));
        waitUpTo(WAIT, "the image to be asked for").until(() -> kindserver.images.requests.size() == 1);
        waitUpTo(WAIT, "the provider to wait on kindserver's next answer").until(() -> withETags.waitedOn.size() == 1);

        kindserver.images.loading("follow", "app:1");
        waitUpTo(WAIT, "status to follow kindserver: Loading")
                .until(
                        () -> harness.get("follow").atProvider().images(),
                        images -> images.equals(List.of(new ImageStatus("app:1", "Loading", null))));
        kindserver.images.loaded("follow", "app:1");
        waitUpTo(WAIT, "status to follow kindserver: Loaded")
                .until(
                        () -> harness.get("follow").atProvider().images(),
                        images -> images.equals(List.of(new ImageStatus("app:1", "Loaded", null))));
    }

    @Test
    void anObserveOnlyKindClusterNeverAsksForImages() {
        kindserver.existing("imported", TestKindClusters.SEED_CONFIG);
        ProviderHarness harness = startProvider(SETTINGS, connection -> kindserver);
        harness.applyProviderConfig("default", null);
        harness.apply(cluster("imported", List.of(ManagementAction.Observe), "app:1"));
        harness.awaitCondition("imported", "Ready", "True", "Available", WAIT);

        holdsFor("no image is asked for", POLL.plusSeconds(1), () -> kindserver.images.requests.isEmpty());
    }

    @Test
    void kindserversRefusalsShowInSynced() {
        kindserver.images.refuseWith(new ConflictException(409, "cluster refused is Stopped, not Ready"));
        ProviderHarness harness = readyCluster("refused", List.of(ManagementAction.All), "app:1");
        waitUpTo(WAIT, "Synced to say kindserver refused")
                .until(() -> harness.condition("refused", "Synced")
                        .map(c -> c.status().equals("False")
                                && c.message()
                                        .equals("update failed: cannot load images app:1 into kind cluster"
                                                + " \"refused\": kindserver at https://127.0.0.1:7443/api/v1/kindserver reports a"
                                                + " conflict (HTTP 409): cluster refused is Stopped, not Ready"))
                        .orElse(false));
        assertEquals("True", harness.condition("refused", "Ready").orElseThrow().status());

        kindserver.images.accept();
        harness.apply(cluster("bad", List.of(ManagementAction.All), "app 1"));
        waitUpTo(WAIT, "kindserver is asked to create bad").until(() -> kindserver.has("bad"));
        kindserver.ready("bad");
        waitUpTo(WAIT, "Synced to say the reference is bad")
                .until(() -> harness.condition("bad", "Synced")
                        .map(c -> c.status().equals("False")
                                && c.message()
                                        .endsWith("rejected the request (HTTP 400): \"app 1\" is not an image"
                                                + " reference"))
                        .orElse(false));
    }

    @Test
    void aNamespacedKindClusterLoadsItsImagesThroughTheSameCode() {
        ProviderHarness harness = startProvider(SETTINGS, connection -> kindserver);
        NamespacedApi api = new NamespacedApi(harness.client());
        api.namespace("team-img");
        api.clusterProviderConfig("default", ProviderHarness.PASSWORD);
        api.apply("team-img", "ns-img", null, new ForProvider(TestKindClusters.SEED_CONFIG, List.of("app:1")));
        waitUpTo(WAIT, "kindserver is asked to create ns-img").until(() -> kindserver.has("ns-img"));
        kindserver.ready("ns-img");
        waitUpTo(WAIT, "the image to be asked for")
                .until(() -> kindserver.images.requestsFor("ns-img").size() == 1);
        kindserver.images.loaded("ns-img", "app:1");

        waitUpTo(WAIT, "status to show the image loaded")
                .until(
                        () -> api.get("team-img", "ns-img").atProvider().images(),
                        images -> images.equals(List.of(new ImageStatus("app:1", "Loaded", null))));
        assertEquals(List.of(List.of("app:1")), kindserver.images.requestsFor("ns-img"));
    }

    private ProviderHarness readyCluster(String name, List<ManagementAction> policies, String... images) {
        ProviderHarness harness = startProvider(SETTINGS, connection -> kindserver);
        harness.applyProviderConfig("default", null);
        harness.apply(cluster(name, policies, images));
        waitUpTo(WAIT, "kindserver is asked to create " + name).until(() -> kindserver.has(name));
        kindserver.ready(name);
        harness.awaitCondition(name, "Ready", "True", "Available", WAIT);
        return harness;
    }

    private static KindCluster cluster(String name, List<ManagementAction> policies, String... images) {
        KindCluster cluster = TestKindClusters.applied(name, TestKindClusters.SEED_CONFIG);
        cluster.setSpec(new KindClusterSpec(
                new ForProvider(TestKindClusters.SEED_CONFIG, List.of(images)),
                new Reference("default"),
                null,
                null,
                policies));
        return cluster;
    }
}
