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

/** {@link FakeKindServer}'s answers with ETags, and waits that stay open until the test ends; records each wait. */
final class FakeKindServerWithETags implements KindServerClient {
    private final FakeKindServer fake;
    final List<String> waitedOn = new CopyOnWriteArrayList<>();

    FakeKindServerWithETags(FakeKindServer fake) {
        this.fake = fake;
    }

    @Override
    public Optional<ObservedCluster> observe(String name) {
        return fake.find(name).map(cluster -> new ObservedCluster(cluster, Optional.of("\"observed\"")));
    }

    @Override
    public ObservedCluster loadImages(String name, List<String> images) {
        return new ObservedCluster(fake.loadImages(name, images).cluster(), Optional.of("\"after-load\""));
    }

    @Override
    public CompletableFuture<ClusterChange> awaitChange(String name, String etag, Duration timeout) {
        waitedOn.add(etag);
        return new CompletableFuture<>();
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
}
