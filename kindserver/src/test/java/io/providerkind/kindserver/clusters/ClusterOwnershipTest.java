package io.providerkind.kindserver.clusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.providerkind.kindserver.clusters.ClusterService.CreateOutcome;
import io.providerkind.kindserver.kind.ClusterName;
import io.providerkind.kindserver.kind.KindConfig;
import io.providerkind.kindserver.net.PortRange;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.ClusterPhase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kind cluster names are global per Docker host: the owner a create names is kept with the cluster, shown on reads,
 * kept across restarts, and nobody else gets the cluster by naming it. On the real Docker engine and the kind double.
 */
class ClusterOwnershipTest {

    private static final String OWNER_A = "kube-system-uid-a/kindcluster-uid-1";
    private static final String OWNER_B = "kube-system-uid-b/kindcluster-uid-2";
    private static final String OTHER_CONFIG = KindDoubleFixture.CONFIG + "name: other\n";

    @TempDir
    Path workDir;

    private KindDoubleFixture fixture;

    @BeforeEach
    void createFixture() throws Exception {
        fixture = new KindDoubleFixture(workDir, new PortRange(36870, 36879), 0.05);
    }

    @AfterEach
    void cleanUp() throws Exception {
        fixture.close();
    }

    @Test
    void theOwnerIsRecordedShownOnGetAndListAndSurvivesARestart() throws Exception {
        String name = fixture.name("owned");
        KindClusterService first = fixture.start(2);

        CreateOutcome accepted = create(first, name, KindDoubleFixture.CONFIG, OWNER_A);

        assertEquals(OWNER_A, accepted.cluster().owner());
        fixture.awaitPhase(first, name, ClusterPhase.Ready);
        assertEquals(OWNER_A, first.get(name).orElseThrow().owner());
        assertEquals(OWNER_A, listed(first, name).owner());
        first.close();

        KindClusterService restarted = fixture.start(2);
        assertEquals(OWNER_A, restarted.get(name).orElseThrow().owner());
        assertInstanceOf(CreateOutcome.Exists.class, create(restarted, name, KindDoubleFixture.CONFIG, OWNER_A));
    }

    @Test
    void anotherOwnerOrNoOwnerIsRefusedWithAConflictNamingTheOwner() {
        String name = fixture.name("taken");
        KindClusterService service = fixture.start(2);
        create(service, name, KindDoubleFixture.CONFIG, OWNER_A);
        fixture.awaitPhase(service, name, ClusterPhase.Ready);

        ClusterConflictException byOther = assertThrows(
                ClusterConflictException.class, () -> create(service, name, KindDoubleFixture.CONFIG, OWNER_B));
        ClusterConflictException byNobody = assertThrows(
                ClusterConflictException.class, () -> create(service, name, KindDoubleFixture.CONFIG, null));

        assertTrue(byOther.getMessage().contains("belongs to owner \"" + OWNER_A + "\""), byOther.getMessage());
        assertTrue(byOther.getMessage().contains("a create by owner \"" + OWNER_B + "\""), byOther.getMessage());
        assertTrue(byNobody.getMessage().contains("a create without an owner"), byNobody.getMessage());
        assertEquals(OWNER_A, service.get(name).orElseThrow().owner());
        // the owner's own rules are today's: the same config is the cluster, another config a conflict
        assertInstanceOf(CreateOutcome.Exists.class, create(service, name, KindDoubleFixture.CONFIG, OWNER_A));
        ClusterConflictException otherConfig =
                assertThrows(ClusterConflictException.class, () -> create(service, name, OTHER_CONFIG, OWNER_A));
        assertTrue(otherConfig.getMessage().contains("exists with another config"), otherConfig.getMessage());
        assertEquals(1, fixture.containers(name).size(), "nothing was created for the refused creates");
    }

    @Test
    void aClusterRecordedWithoutAnOwnerIsAdoptedByTheFirstSameConfigCreateWithOne() throws Exception {
        String name = fixture.name("legacy");
        KindClusterService service = fixture.start(2);
        create(service, name, KindDoubleFixture.CONFIG, null);
        fixture.awaitPhase(service, name, ClusterPhase.Ready);
        assertNull(service.get(name).orElseThrow().owner());
        // what an older kindserver wrote: a record without the owner field
        assertFalse(Files.readString(fixture.stateDir.resolve("clusters").resolve(name + ".json"))
                .contains("owner"));

        assertThrows(ClusterConflictException.class, () -> create(service, name, OTHER_CONFIG, OWNER_B));
        assertNull(service.get(name).orElseThrow().owner(), "a create with another config adopts nothing");

        assertInstanceOf(CreateOutcome.Exists.class, create(service, name, KindDoubleFixture.CONFIG, OWNER_B));
        assertEquals(OWNER_B, service.get(name).orElseThrow().owner());
        ClusterConflictException late = assertThrows(
                ClusterConflictException.class, () -> create(service, name, KindDoubleFixture.CONFIG, OWNER_A));
        assertTrue(late.getMessage().contains(OWNER_B), late.getMessage());
        service.close();

        assertEquals(OWNER_B, fixture.start(2).get(name).orElseThrow().owner(), "the adoption was recorded");
    }

    @Test
    void aClusterMadeByHandIsNeverAdopted() throws Exception {
        String name = fixture.name("byhand");
        fixture.runKind(
                "create",
                "cluster",
                "--name",
                name,
                "--kubeconfig",
                workDir.resolve("by-hand").toString());
        KindClusterService service = fixture.start(2);

        assertThrows(ClusterConflictException.class, () -> create(service, name, KindDoubleFixture.CONFIG, OWNER_A));

        assertNull(service.get(name).orElseThrow().owner());
    }

    private static CreateOutcome create(KindClusterService service, String name, String config, String owner) {
        return service.create(new ClusterName(name), KindConfig.parse(config), owner);
    }

    private static ClusterInfo listed(KindClusterService service, String name) {
        return service.list().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
