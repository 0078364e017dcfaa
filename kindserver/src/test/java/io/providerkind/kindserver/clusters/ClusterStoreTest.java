package io.providerkind.kindserver.clusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.providerkind.sdk.ClusterPhase;
import io.providerkind.sdk.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterStoreTest {

    private static final Instant NOW = Instant.parse("2025-03-31T10:00:00Z");

    @TempDir
    Path stateDir;

    private ClusterStore store;

    @BeforeEach
    void open() throws IOException {
        store = new ClusterStore(stateDir);
        store.open();
    }

    @Test
    void recordsSurviveAReopen() throws IOException {
        ClusterRecord record = ClusterRecord.creating(
                        "dev", "kind: Cluster\n", "abc", 36443, new Progress(2, 6, "Preparing nodes"), null, null, NOW)
                .withProcess(4242, NOW, NOW);
        store.save(record);

        ClusterStore reopened = new ClusterStore(stateDir);
        reopened.open();
        assertEquals(List.of(record), reopened.loadAll());
    }

    @Test
    void aRecordAnOlderKindserverWroteIsReadWithoutAnOwner() throws IOException {
        // the fields of a record before owners existed, as an older kindserver wrote them
        Files.writeString(store.file("old"), """
                {"name":"old","kindConfig":"kind: Cluster\\n","configHash":"abc","apiServerPort":36443,
                 "phase":"Ready","createdAt":"2025-03-31T10:15:30Z","updatedAt":"2025-03-31T10:16:30Z",
                 "allStepsDone":true}
                """);

        ClusterRecord old = store.loadAll().get(0);

        assertEquals(ClusterPhase.Ready, old.phase());
        assertEquals("abc", old.configHash());
        assertNull(old.owner());
    }

    @Test
    void anOwnerSurvivesAReopen() throws IOException {
        store.save(ClusterRecord.creating("dev", "kind: Cluster\n", "abc", 36443, null, null, "mc-uid/mr-uid", NOW));

        ClusterStore reopened = new ClusterStore(stateDir);
        reopened.open();
        assertEquals("mc-uid/mr-uid", reopened.loadAll().get(0).owner());
    }

    @Test
    void recordsAreReadableByKindserversUserOnly() throws IOException {
        store.save(ClusterRecord.creating("dev", "kind: Cluster\n", "abc", 36443, null, null, null, NOW));

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file("dev"))));
        assertEquals(
                "rwx------",
                PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(store.file("dev").getParent())));
    }

    @Test
    void anUpdateReplacesTheRecordAndLeavesNoTemporaryFile() throws IOException {
        ClusterRecord creating = ClusterRecord.creating("dev", "kind: Cluster\n", "abc", 36443, null, null, null, NOW);
        store.save(creating);
        store.save(creating.ready(null, NOW.plusSeconds(60)));

        assertEquals(ClusterPhase.Ready, store.loadAll().get(0).phase());
        try (Stream<Path> files = Files.list(store.file("dev").getParent())) {
            assertEquals(
                    List.of("dev.json"),
                    files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void anUnreadableRecordIsSetAsideNotLost() throws IOException {
        store.save(ClusterRecord.creating("good", "kind: Cluster\n", "abc", 36443, null, null, null, NOW));
        Files.writeString(store.file("broken"), "{ not json");

        List<ClusterRecord> loaded = store.loadAll();

        assertEquals(List.of("good"), loaded.stream().map(ClusterRecord::name).toList());
        assertTrue(Files.exists(store.file("broken").resolveSibling("broken.json.unreadable")));
        assertFalse(Files.exists(store.file("broken")));
    }

    @Test
    void openRemovesTemporaryFilesACrashLeft() throws IOException {
        Path leftover = store.file("dev").resolveSibling(".dev-123.tmp");
        Files.writeString(leftover, "{");
        store.open();
        assertFalse(Files.exists(leftover));
    }

    @Test
    void deleteForgetsTheRecord() throws IOException {
        store.save(ClusterRecord.creating("dev", "kind: Cluster\n", "abc", 36443, null, null, null, NOW));
        store.delete("dev");
        store.delete("dev");
        assertTrue(store.loadAll().isEmpty());
    }

    @Test
    void toStringNeverShowsTheConfig() {
        ClusterRecord record =
                ClusterRecord.creating("dev", "password: hunter2\n", "abc", 36443, null, null, null, NOW);
        assertFalse(record.toString().contains("hunter2"));
    }
}
