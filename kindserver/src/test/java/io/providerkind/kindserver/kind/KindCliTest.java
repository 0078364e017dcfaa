package io.providerkind.kindserver.kind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.providerkind.sdk.Progress;
import io.providerkind.testsupport.wait.Waits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KindCliTest {

    private static final String CONFIG = "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\n";

    @TempDir
    Path dir;

    private Path fakeDir;
    private Path scratch;
    private KindCli kind;
    private final List<Progress> progress = new CopyOnWriteArrayList<>();

    @BeforeEach
    void installFakeKind() throws IOException {
        fakeDir = Files.createDirectories(dir.resolve("bin"));
        scratch = dir.resolve("scratch");
        kind = new KindCli(FakeKind.install(fakeDir), scratch);
    }

    @Test
    void createGivesTheConfigOnStdinAndReportsEveryStep() throws Exception {
        KindCreateResult result;
        try (CreateProcess process =
                kind.startCreate(new ClusterName("dev"), CONFIG, 6, (p, done) -> progress.add(p))) {
            result = process.await(Duration.ofSeconds(30));
        }

        assertInstanceOf(KindCreateResult.Created.class, result);
        assertEquals(CONFIG, Files.readString(fakeDir.resolve("config-dev")));
        assertEquals(
                "create cluster --name dev --config - --kubeconfig", firstCall().substring(0, 49));
        assertEquals(12, progress.size(), "a start and an end per step");
        assertEquals(new Progress(1, 6, "Ensuring node image (kindest/node:v1.31.0)"), progress.get(0));
        assertEquals(new Progress(6, 6, "Installing StorageClass"), progress.get(11));
    }

    @Test
    void createWritesItsKubeconfigIntoAPrivateScratchDirThatIsRemovedAfterwards() throws Exception {
        try (CreateProcess process = kind.startCreate(new ClusterName("dev"), CONFIG, 6, (p, done) -> {})) {
            process.await(Duration.ofSeconds(30));
        }
        Path kubeconfig =
                Path.of(Files.readString(fakeDir.resolve("kubeconfig-path-dev")).strip());

        assertTrue(kubeconfig.startsWith(scratch), "never ~/.kube/config: " + kubeconfig);
        assertEquals(
                "700",
                Files.readString(fakeDir.resolve("kubeconfig-dir-mode-dev")).strip());
        assertFalse(Files.exists(kubeconfig.getParent()), "the scratch dir with the credentials is removed");
    }

    @Test
    void failedCreateCarriesKindsOwnErrorText() throws Exception {
        KindCreateResult result;
        try (CreateProcess process = kind.startCreate(new ClusterName("fail"), CONFIG, 6, (p, done) -> {})) {
            result = process.await(Duration.ofSeconds(30));
        }

        KindCreateResult.Failed failed = assertInstanceOf(KindCreateResult.Failed.class, result);
        assertEquals("ERROR: failed to create cluster: failed to pull image \"kindest/node:v9.9.9\"", failed.message());
    }

    @Test
    void cancelStopsKindAndWhatItStarted() throws Exception {
        try (CreateProcess process =
                kind.startCreate(new ClusterName("slow"), CONFIG, 6, (p, done) -> progress.add(p))) {
            long child = awaitChildPid();
            assertTrue(ProcessHandle.of(child).isPresent(), "kind's child runs");

            process.cancel();

            assertInstanceOf(KindCreateResult.Cancelled.class, process.await(Duration.ofSeconds(30)));
            assertFalse(
                    ProcessHandle.of(process.pid()).map(ProcessHandle::isAlive).orElse(false));
            assertFalse(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false), "no orphan is left");
        }
    }

    @Test
    void createThatRunsTooLongIsStoppedAndFails() throws Exception {
        try (CreateProcess process = kind.startCreate(new ClusterName("slow"), CONFIG, 6, (p, done) -> {})) {
            long child = awaitChildPid();
            KindCreateResult result = process.await(Duration.ofMillis(300));

            KindCreateResult.Failed failed = assertInstanceOf(KindCreateResult.Failed.class, result);
            assertTrue(failed.message().contains("did not finish within"), failed.message());
            assertFalse(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false));
        }
    }

    @Test
    void readsTheKubeconfig() throws Exception {
        String external = kind.kubeconfig(new ClusterName("dev"), Duration.ofSeconds(10));

        assertEquals("https://127.0.0.1:36443", Kubeconfigs.server(external).orElseThrow());
    }

    @Test
    void failedCommandCarriesKindsErrorText() {
        KindCommandException e = assertThrows(
                KindCommandException.class, () -> kind.kubeconfig(new ClusterName("missing"), Duration.ofSeconds(10)));
        assertTrue(e.getMessage().contains("ERROR: could not locate any control plane nodes"), e.getMessage());
    }

    @Test
    void deleteAlsoUsesAScratchKubeconfig() throws Exception {
        kind.deleteCluster(new ClusterName("dev"), Duration.ofSeconds(10));

        Path kubeconfig = Path.of(
                Files.readString(fakeDir.resolve("delete-kubeconfig-path-dev")).strip());
        assertTrue(kubeconfig.startsWith(scratch), kubeconfig.toString());
    }

    @Test
    void missingBinaryIsAClearError() {
        KindCli absent = new KindCli(dir.resolve("no-such-kind"), scratch);
        IOException e = assertThrows(
                IOException.class, () -> absent.startCreate(new ClusterName("dev"), CONFIG, 6, (p, done) -> {}));
        assertTrue(e.getMessage().startsWith("cannot run"), e.getMessage());
    }

    private String firstCall() throws IOException {
        return Files.readAllLines(fakeDir.resolve("calls")).get(0);
    }

    private long awaitChildPid() throws Exception {
        Path pidFile = fakeDir.resolve("child-pid");
        Waits.await("the fake kind's child to write its pid")
                .atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(25))
                .until(() -> Files.exists(pidFile) && !Files.readString(pidFile).isBlank());
        return Long.parseLong(Files.readString(pidFile).strip());
    }
}
