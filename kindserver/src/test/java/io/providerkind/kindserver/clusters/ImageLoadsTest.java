package io.providerkind.kindserver.clusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.providerkind.kindserver.kind.KindCli;
import io.providerkind.sdk.ImageLoad;
import io.providerkind.sdk.ImageLoadState;
import io.providerkind.testsupport.wait.Waits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a cluster's image loads proceed and end, with a stand-in for kind whose {@code load docker-image} of an image
 * named {@code hold:*} runs until it is stopped: one load at a time, and a delete (cancel) stops the running one and
 * drops the rest.
 */
class ImageLoadsTest {

    private static final String KIND = """
            #!/bin/sh
            dir="$(dirname "$0")"
            image="$5"
            echo "$*" >> "$dir/calls"
            case "$image" in
              hold:*) echo $$ > "$dir/held-pid"; exec sleep 300 ;;
            esac
            exit 0
            """;

    @TempDir
    Path dir;

    private final List<String> changed = new CopyOnWriteArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private ExecutorService workers;
    private ImageLoads loads;

    @BeforeEach
    void start() throws IOException {
        Path kind = Files.writeString(dir.resolve("kind"), KIND);
        Files.setPosixFilePermissions(kind, PosixFilePermissions.fromString("rwx------"));
        workers = Executors.newSingleThreadExecutor();
        ClusterChanges changes = new ClusterChanges() {
            @Override
            public void changed(String name) {
                changed.add(name);
            }

            @Override
            public void snapshotChanged() {}
        };
        loads = new ImageLoads(
                new KindCli(kind, dir.resolve("scratch")),
                changes,
                new ClusterMetrics(meters, List::of),
                workers,
                Duration.ofMinutes(1));
    }

    @AfterEach
    void stop() throws InterruptedException {
        workers.shutdownNow();
        workers.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Test
    void loadsOneImageAfterAnotherWithKindAndTellsEachChange() throws Exception {
        List<ImageLoad> queued = loads.request("dev", List.of("app:1", "api:2"));

        assertEquals(
                List.of(
                        new ImageLoad("app:1", ImageLoadState.Pending, null),
                        new ImageLoad("api:2", ImageLoadState.Pending, null)),
                queued);
        Waits.await("both loads to end")
                .atMost(Duration.ofSeconds(30))
                .until(() -> loads.of("dev").stream().allMatch(l -> l.state() == ImageLoadState.Loaded));
        assertEquals(List.of("load docker-image --name dev app:1", "load docker-image --name dev api:2"), calls());
        workers.submit(() -> {}).get(30, TimeUnit.SECONDS); // the single worker is done with the drain
        assertEquals(List.of("dev", "dev", "dev", "dev", "dev"), changed, "queued, then Loading and Loaded of each");
        assertEquals(
                2,
                meters.get("kindserver.image.load")
                        .tag("outcome", "loaded")
                        .timer()
                        .count());
    }

    @Test
    void aCancelStopsTheRunningLoadAndDropsThePendingOnes() throws Exception {
        loads.request("dev", List.of("hold:1", "next:1"));
        Waits.await("kind to load hold:1")
                .atMost(Duration.ofSeconds(30))
                .until(() -> Files.exists(dir.resolve("held-pid")) && Files.size(dir.resolve("held-pid")) > 0);
        long pid = Long.parseLong(Files.readString(dir.resolve("held-pid")).strip());
        assertEquals(ImageLoadState.Loading, loads.of("dev").get(0).state());

        loads.cancel("dev");

        assertEquals(List.of(), loads.of("dev"), "the cluster's loads are forgotten at once");
        // the single worker runs this only after the cancelled drain has returned
        workers.submit(() -> {}).get(30, TimeUnit.SECONDS);
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "kind load was stopped");
        assertEquals(List.of("load docker-image --name dev hold:1"), calls(), "the pending image was never loaded");
        assertEquals(
                1,
                meters.get("kindserver.image.load")
                        .tag("outcome", "cancelled")
                        .timer()
                        .count());
    }

    private List<String> calls() throws IOException {
        return Files.readAllLines(dir.resolve("calls"));
    }
}
