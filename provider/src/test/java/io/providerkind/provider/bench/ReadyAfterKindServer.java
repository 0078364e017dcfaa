package io.providerkind.provider.bench;

import io.providerkind.provider.testing.FakeKindServer;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.ClusterPhase;
import io.providerkind.sdk.KindServerClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * kindserver in memory where, as with kind, a cluster is Ready a fixed time after its create: whoever looks
 * after that time finds it Ready, whoever looks before finds it Creating. No thread moves clusters along, so
 * the benchmark spends its CPU on the provider and the API server only.
 */
final class ReadyAfterKindServer implements KindServerClient {

    private final FakeKindServer kind = new FakeKindServer();
    private final long readyAfterNanos;
    private final Map<String, Long> createdAt = new ConcurrentHashMap<>();

    ReadyAfterKindServer(Duration readyAfter) {
        this.readyAfterNanos = readyAfter.toNanos();
    }

    /** When the cluster became Ready (its create plus the fixed time), in System.nanoTime terms; null if never made. */
    Long readyAt(String name) {
        Long created = createdAt.get(name);
        return created == null ? null : created + readyAfterNanos;
    }

    /** Every call the provider made: finds, creates and deletes. */
    int calls() {
        return kind.calls();
    }

    int creates() {
        return kind.creates.get();
    }

    @Override
    public List<ClusterInfo> list() {
        return kind.list();
    }

    @Override
    public Optional<ClusterInfo> find(String name) {
        Long created = createdAt.get(name);
        if (created != null
                && System.nanoTime() - created >= readyAfterNanos
                && kind.phase(name) == ClusterPhase.Creating) {
            kind.ready(name);
        }
        return kind.find(name);
    }

    @Override
    public ClusterInfo create(String name, String kindConfig, String owner) {
        ClusterInfo info = kind.create(name, kindConfig, owner);
        createdAt.putIfAbsent(name, System.nanoTime());
        return info;
    }

    @Override
    public boolean delete(String name) {
        return kind.delete(name);
    }
}
