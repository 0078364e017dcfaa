package io.providerkind.provider.kindcluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.providerkind.provider.api.DeletionPolicy;
import io.providerkind.provider.api.ForProvider;
import io.providerkind.provider.api.ImageStatus;
import io.providerkind.provider.api.KindCluster;
import io.providerkind.provider.api.KindClusterSpec;
import io.providerkind.provider.api.ManagementAction;
import io.providerkind.provider.api.Reference;
import io.providerkind.provider.api.TestKindClusters;
import io.providerkind.provider.managed.Annotations;
import io.providerkind.provider.managed.Announcement;
import io.providerkind.provider.managed.Conditions;
import io.providerkind.provider.managed.ExternalObservation;
import io.providerkind.provider.testing.FakeKindServer;
import io.providerkind.provider.testing.RecordingEvents;
import io.providerkind.sdk.ImageLoadState;
import io.providerkind.sdk.KindServerClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a KindCluster's Observe and Update do with spec.forProvider.preloadImages, against kindserver's contract. */
class KindClusterImagesTest {

    private static final String URL = "https://127.0.0.1:7443/api/v1/kindserver";
    private static final String MISSING = "image \"app:2\" not present locally on the Docker host";

    private final FakeKindServer kindserver = new FakeKindServer();
    private final RecordingEvents recorded = new RecordingEvents();
    private final List<String> events = recorded.events;
    private final DriftWebhook webhook = new DriftWebhook();

    @AfterEach
    void closeWebhook() {
        webhook.close();
    }

    @Test
    void aReadyClusterAsksForExactlyTheImagesKindserverDoesNotHave() {
        KindCluster cluster = readyCluster("dev", ManagementAction.All, "app:1", "app:2");
        kindserver.loadImages("dev", List.of("app:1"));
        kindserver.images.loaded("dev", "app:1");
        kindserver.images.requests.clear();

        ExternalObservation observation = external().observe(cluster);

        assertFalse(observation.resourceUpToDate(), "an image to load is an update");
        assertEquals(
                List.of(new ImageStatus("app:1", "Loaded", null)),
                cluster.atProvider().images());
        assertEquals(List.of(), kindserver.images.requests, "Observe asks nothing");
    }

    @Test
    void updateAsksForTheMissingImagesOnceAndShowsKindserversAnswer() {
        KindCluster cluster = readyCluster("dev", ManagementAction.All, "app:1", "app:2");
        KindClusterExternal external = external();
        external.observe(cluster);

        external.update(cluster);

        assertEquals(List.of(List.of("app:1", "app:2")), kindserver.images.requestsFor("dev"));
        assertEquals(
                List.of(new ImageStatus("app:1", "Pending", null), new ImageStatus("app:2", "Pending", null)),
                cluster.atProvider().images());
        assertTrue(external().observe(cluster).resourceUpToDate(), "loads under way are not asked again");
    }

    @Test
    void aClusterStillBeingCreatedIsAskedNothing() {
        KindCluster cluster = clusterWithImages("dev", ManagementAction.All, "app:1");
        kindserver.create("dev", TestKindClusters.SEED_CONFIG, null);

        assertTrue(external().observe(cluster).resourceUpToDate());
        assertEquals(List.of(), kindserver.images.requests);
    }

    @Test
    void aFailedImageIsToldOnceLeavesTheClusterReadyAndIsAskedAgainByTheNextReconcile() {
        KindCluster cluster = readyCluster("dev", ManagementAction.All, "app:1", "app:2");
        KindClusterExternal first = external();
        first.observe(cluster);
        first.update(cluster);
        kindserver.images.loaded("dev", "app:1");
        kindserver.images.failed("dev", "app:2", MISSING);

        ExternalObservation seen = external().observe(cluster);
        tell(seen);

        assertTrue(seen.resourceUpToDate(), "the reconcile that sees the failure asks nothing");
        assertEquals(
                new ImageStatus("app:2", "Failed", MISSING),
                cluster.atProvider().images().get(1));
        assertEquals(
                "True", Conditions.find(cluster, Conditions.READY).orElseThrow().status(), "the cluster works");
        assertEquals(
                List.of("Warning ImageLoadFailed: cannot load image \"app:2\" into kind cluster \"dev\": " + MISSING
                        + "; the cluster works without it, and the image is asked for again at the next poll"),
                events);

        KindClusterExternal next = external();
        ExternalObservation again = next.observe(cluster);
        tell(again);
        assertFalse(again.resourceUpToDate(), "the next reconcile asks again");
        next.update(cluster);

        assertEquals(List.of(List.of("app:1", "app:2"), List.of("app:2")), kindserver.images.requestsFor("dev"));
        assertEquals(1, events.size(), "the failure already told is not told again");
        assertEquals(ImageLoadState.Pending, kindserver.images.state("dev", "app:2"));
    }

    @Test
    void anObserveOnlyKindClusterShowsKindserversLoadsAndNeverAsks() {
        KindCluster cluster = readyCluster("dev", ManagementAction.Observe, "app:1", "app:2");
        kindserver.loadImages("dev", List.of("app:1"));
        kindserver.images.requests.clear();

        ExternalObservation observation = external().observe(cluster);

        assertTrue(observation.resourceUpToDate());
        assertEquals(
                List.of(new ImageStatus("app:1", "Pending", null)),
                cluster.atProvider().images());
        assertEquals(List.of(), kindserver.images.requests);
    }

    @Test
    void anAbsentClusterWithoutCreateKeepsItsUpdateErrorAndAsksNothing() {
        KindCluster cluster = clusterWithImages("absent", ManagementAction.Update, "app:1");
        KindClusterExternal external = external();
        assertFalse(external.observe(cluster).resourceExists());

        RuntimeException failure = assertThrows(RuntimeException.class, () -> external.update(cluster));

        assertEquals(
                "kind cluster \"absent\" does not exist, and this KindCluster's management policies do not "
                        + "include Create",
                failure.getMessage());
        assertEquals(List.of(), kindserver.images.requests);
    }

    @Test
    void kindserversRefusalsAreSaidWithTheImagesAndTheCluster() {
        KindCluster stopped = readyCluster("dev", ManagementAction.All, "app:1");
        KindClusterExternal external = external();
        external.observe(stopped);
        kindserver.stopNodes("dev");
        assertEquals(
                "cannot load images app:1 into kind cluster \"dev\": kindserver at " + URL
                        + " reports a conflict (HTTP 409): cluster dev is Stopped, not Ready: images are loaded into a"
                        + " Ready cluster only",
                assertThrows(RuntimeException.class, () -> external.update(stopped))
                        .getMessage());

        KindCluster bad = readyCluster("bad", ManagementAction.All, "app 1");
        KindClusterExternal refused = external();
        refused.observe(bad);
        assertEquals(
                "cannot load images app 1 into kind cluster \"bad\": kindserver at " + URL
                        + " rejected the request (HTTP 400): \"app 1\" is not an image reference",
                assertThrows(RuntimeException.class, () -> refused.update(bad)).getMessage());
    }

    @Test
    void aKindserverRestartThatForgotTheLoadsIsAskedForThemAgain() {
        KindCluster cluster = readyCluster("dev", ManagementAction.All, "app:1");
        KindClusterExternal first = external();
        first.observe(cluster);
        first.update(cluster);
        kindserver.images.loaded("dev", "app:1");
        external().observe(cluster);

        kindserver.images.restart();

        assertFalse(external().observe(cluster).resourceUpToDate());
        assertEquals(List.of(), cluster.atProvider().images(), "status shows what kindserver reports: nothing");
    }

    @Test
    void loadsUnderWayAreWaitedOnAsACreateIsAndTheWaitEndsWithThem() {
        KindServerChanges<KindCluster> changes = new KindServerChanges<>("test");
        changes.setEventHandler(event -> {});
        changes.start();
        FakeKindServerWithETags client = new FakeKindServerWithETags(kindserver);
        KindCluster cluster = readyCluster("dev", ManagementAction.All, "app:1");
        KindClusterExternal external = external(client, changes);
        external.observe(cluster);
        assertEquals(0, changes.watching(), "nothing under way yet");

        external.update(cluster);

        assertEquals(1, changes.watching(), "the load kindserver took is waited on");
        assertEquals(1, client.waitedOn.size(), "from the answer to the load, without a GET of its own");
        kindserver.images.loaded("dev", "app:1");
        external(client, changes).observe(cluster);
        assertEquals(0, changes.watching(), "a loaded image is no longer waited on");
        changes.stop();
    }

    private KindCluster readyCluster(String name, ManagementAction policy, String... images) {
        KindCluster cluster = clusterWithImages(name, policy, images);
        kindserver.existing(name, TestKindClusters.SEED_CONFIG);
        return cluster;
    }

    private static KindCluster clusterWithImages(String name, ManagementAction policy, String... images) {
        KindCluster cluster = TestKindClusters.stored(name);
        Annotations.setExternalName(cluster, name);
        List<ManagementAction> policies = policy == ManagementAction.All || policy == ManagementAction.Observe
                ? List.of(policy)
                : List.of(ManagementAction.Observe, policy);
        cluster.setSpec(new KindClusterSpec(
                new ForProvider(TestKindClusters.SEED_CONFIG, List.of(images)),
                new Reference("default"),
                null,
                DeletionPolicy.Delete,
                policies));
        return cluster;
    }

    private KindClusterExternal external() {
        return external(kindserver, new KindServerChanges<>("not-started"));
    }

    private KindClusterExternal external(KindServerClient client, KindServerChanges<KindCluster> changes) {
        return new KindClusterExternal(
                client,
                changes,
                URL,
                new DriftAlerts(recorded, new SimpleMeterRegistry(), webhook, Clock.systemUTC()),
                null,
                FailedCreateRetries.upTo(Duration.ofSeconds(10), Clock.systemUTC()),
                Clock.systemUTC(),
                new ClusterOwners("management-cluster-uid"),
                new ImageLoadFailures(recorded));
    }

    private static void tell(ExternalObservation observation) {
        observation.announcements().forEach(Announcement::announce);
    }
}
