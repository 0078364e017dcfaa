package io.providerkind.provider.kindcluster;

import io.providerkind.provider.testing.FakeKindServer;
import io.providerkind.sdk.ClusterChange;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.KindServerClient;
import io.providerkind.sdk.ObservedCluster;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@link FakeKindServer}'s answers with ETags (of the answer's content, as kindserver's are) and long-polls that end
 * when a cluster's image loads change it, as kindserver's {@code waitForChange} does; a wait on anything else stays
 * open until it is cancelled. Records the ETag of each wait.
 */
final class FakeKindServerWithETags implements KindServerClient {

    private final FakeKindServer fake;
    final List<String> waitedOn = new CopyOnWriteArrayList<>();
    private final List<Wait> waits = new CopyOnWriteArrayList<>();

    FakeKindServerWithETags(FakeKindServer fake) {
        this.fake = fake;
        fake.images.onChange(this::imagesChanged);
    }

    @Override
    public Optional<ObservedCluster> observe(String name) {
        return fake.find(name).map(FakeKindServerWithETags::withETag);
    }

    @Override
    public ObservedCluster loadImages(String name, List<String> images) {
        return withETag(fake.loadImages(name, images).cluster());
    }

    @Override
    public CompletableFuture<ClusterChange> awaitChange(String name, String etag, Duration timeout) {
        waitedOn.add(etag);
        Wait wait = new Wait(name, etag, new CompletableFuture<>());
        waits.add(wait);
        wait.endIfChanged(observe(name));
        return wait.future;
    }

    @Override
    public List<ClusterInfo> list() {
        return fake.list();
    }

    @Override
    public Optional<ClusterInfo> find(String name) {
        return fake.find(name);
    }

    @Override
    public ClusterInfo create(String name, String kindConfig, String owner) {
        return fake.create(name, kindConfig, owner);
    }

    @Override
    public boolean delete(String name) {
        return fake.delete(name);
    }

    private void imagesChanged() {
        waits.removeIf(wait -> wait.future.isDone());
        waits.forEach(wait -> wait.endIfChanged(observe(wait.cluster)));
    }

    private static ObservedCluster withETag(ClusterInfo cluster) {
        return new ObservedCluster(cluster, Optional.of("\"" + Integer.toHexString(cluster.hashCode()) + "\""));
    }

    private record Wait(String cluster, String etag, CompletableFuture<ClusterChange> future) {
        void endIfChanged(Optional<ObservedCluster> now) {
            if (now.isEmpty()) {
                future.complete(new ClusterChange.Gone());
            } else if (!now.get().etag().equals(Optional.of(etag))) {
                future.complete(new ClusterChange.Changed(now.get()));
            }
        }
    }
}
