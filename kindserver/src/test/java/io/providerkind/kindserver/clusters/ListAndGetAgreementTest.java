package io.providerkind.kindserver.clusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.providerkind.kindserver.net.PortRange;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.ClusterPhase;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that lists clusters and one that gets a cluster must see the same cluster: the list leaves out the
 * kubeconfigs (design.md's REST API) and nothing else, for clusters kindserver made and clusters made by hand.
 */
class ListAndGetAgreementTest {

    @TempDir
    Path workDir;

    private KindDoubleFixture fixture;

    @BeforeEach
    void createFixture() throws Exception {
        fixture = new KindDoubleFixture(workDir, new PortRange(36790, 36799), 0.05);
    }

    @AfterEach
    void cleanUp() throws Exception {
        fixture.close();
    }

    @Test
    void listShowsEachClusterAsGetDoesWithoutItsKubeconfigs() throws Exception {
        KindClusterService service = fixture.start(2);
        String byHand = fixture.name("byhand");
        String managed = fixture.name("managed");
        service.create(managed, KindDoubleFixture.CONFIG);
        fixture.runKind(
                "create",
                "cluster",
                "--name",
                byHand,
                "--kubeconfig",
                workDir.resolve("by-hand").toString());
        fixture.awaitPhase(service, managed, ClusterPhase.Ready);
        fixture.await(
                service,
                byHand,
                Duration.ofSeconds(20),
                c -> c.map(ClusterInfo::kubeconfig).isPresent());

        for (String name : new String[] {byHand, managed}) {
            ClusterInfo got = service.get(name).orElseThrow();
            ClusterInfo listed = service.list().stream()
                    .filter(c -> c.name().equals(name))
                    .findFirst()
                    .orElseThrow();

            assertEquals(got.withoutKubeconfigs(), listed, name);
            assertEquals(ClusterPhase.Ready, listed.phase(), name);
            assertNotNull(listed.endpoint(), name);
            assertNull(listed.kubeconfig(), name);
            assertNull(listed.internalKubeconfig(), name);
        }
    }
}
