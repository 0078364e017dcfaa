package io.providerkind.kindserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.providerkind.kindserver.testing.KindContainers;
import io.providerkind.kindserver.testing.KindServerFixture;
import io.providerkind.sdk.ClusterChange;
import io.providerkind.sdk.ClusterPhase;
import io.providerkind.sdk.KindServerClient;
import io.providerkind.sdk.ObservedCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client following a create and a delete by long-polls alone, on a real kindserver with the real Docker engine and
 * the kind test double: every change kindserver makes (progress, Ready with kubeconfigs, Deleting, gone) ends a wait.
 */
class WaitForChangeEndToEndTest {

    private static final String NAME = "push-follow";

    @TempDir
    Path stateDir;

    @AfterEach
    void cleanUp() {
        KindContainers.removeAll(NAME);
    }

    @Test
    void aClientFollowsACreateAndADeleteByWaitingForChanges() throws Exception {
        try (KindServerFixture kindserver = KindServerFixture.start(stateDir)) {
            KindServerClient client = kindserver.client();
            client.create(NAME, KindServerEndToEndTest.CONFIG);

            ObservedCluster seen = client.observe(NAME).orElseThrow();
            List<ClusterPhase> phases = new ArrayList<>(List.of(seen.cluster().phase()));
            for (int changes = 0; seen.cluster().phase() != ClusterPhase.Ready; changes++) {
                assertTrue(changes < 100, "more changes than a create makes: " + phases);
                ClusterChange change = client.awaitChange(NAME, seen.etag().orElseThrow(), Duration.ofSeconds(25))
                        .get(60, TimeUnit.SECONDS);
                seen = assertInstanceOf(ClusterChange.Changed.class, change, phases::toString)
                        .now();
                phases.add(seen.cluster().phase());
            }
            assertTrue(seen.cluster().kubeconfig() != null, "Ready comes with its kubeconfig");
            assertEquals(ClusterPhase.Creating, phases.get(0));

            assertTrue(client.delete(NAME));
            ClusterChange change;
            do {
                change = client.awaitChange(NAME, seen.etag().orElseThrow(), Duration.ofSeconds(25))
                        .get(60, TimeUnit.SECONDS);
                if (change instanceof ClusterChange.Changed changed) {
                    seen = changed.now();
                    assertEquals(ClusterPhase.Deleting, seen.cluster().phase());
                }
            } while (change instanceof ClusterChange.Changed);
            assertInstanceOf(ClusterChange.Gone.class, change);
        }
    }
}
