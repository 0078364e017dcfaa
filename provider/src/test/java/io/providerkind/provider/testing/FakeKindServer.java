package io.providerkind.provider.testing;

import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.ClusterNotFoundException;
import io.providerkind.sdk.ClusterPhase;
import io.providerkind.sdk.ConfigHash;
import io.providerkind.sdk.ConflictException;
import io.providerkind.sdk.KindServerClient;
import io.providerkind.sdk.KindServerException;
import io.providerkind.sdk.NodeInfo;
import io.providerkind.sdk.ObservedCluster;
import io.providerkind.sdk.Progress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * kindserver's contract in memory: create answers Creating at once and is idempotent for the same
 * config, a conflict for another; a Failed cluster is created again with the config it failed with; delete answers true and the cluster goes on the next look. The test
 * moves clusters along (Ready, stopped nodes, vanished) and can make every call fail as kindserver
 * would when down or misconfigured. Counts calls, so tests can say "no second create". Image loads are kindserver's
 * too ({@link FakeImageLoads}): taken for a Ready cluster only, shown in every answer about the cluster.
 */
public final class FakeKindServer implements KindServerClient {

    /** Data as kindserver reports it; the addresses are documentation data, never dialled. */
    public static final String INTERNAL_IP = "172.18.0.3";

    public static final String VERSION = "v1.31.0";

    private final Map<String, ClusterInfo> clusters = new ConcurrentHashMap<>();
    private volatile KindServerException failure;
    public final AtomicInteger finds = new AtomicInteger();
    public final AtomicInteger creates = new AtomicInteger();
    public final AtomicInteger deletes = new AtomicInteger();
    public final List<String> createdNames = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> callsByName = new ConcurrentHashMap<>();
    /** The clusters' image loads; the test moves them along. */
    public final FakeImageLoads images = new FakeImageLoads();

    /** Every call throws this until {@link #recover()}. */
    public void failWith(KindServerException e) {
        this.failure = e;
    }

    public void recover() {
        this.failure = null;
    }

    public int calls() {
        return finds.get() + creates.get() + deletes.get();
    }

    /** Calls about one cluster: find, create and delete of that name. */
    public int callsFor(String name) {
        AtomicInteger count = callsByName.get(name);
        return count == null ? 0 : count.get();
    }

    private void count(String name) {
        callsByName.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public List<ClusterInfo> list() {
        check();
        return clusters.values().stream().map(ClusterInfo::withoutKubeconfigs).toList();
    }

    @Override
    public Optional<ClusterInfo> find(String name) {
        finds.incrementAndGet();
        count(name);
        check();
        ClusterInfo info = clusters.get(name);
        if (info != null && info.phase() == ClusterPhase.Deleting) {
            clusters.remove(name);
        }
        return Optional.ofNullable(info).map(cluster -> cluster.withImages(images.of(name)));
    }

    /** As kindserver: 404 for an unknown cluster, 409 for one that is not Ready, 400 for no or bad references. */
    @Override
    public ObservedCluster loadImages(String name, List<String> wanted) {
        count(name);
        check();
        ClusterInfo info = clusters.get(name);
        if (info == null) {
            throw new ClusterNotFoundException(404, "cluster " + name + " not found");
        }
        if (info.phase() != ClusterPhase.Ready) {
            throw new ConflictException(
                    409,
                    "cluster " + name + " is " + info.phase() + ", not Ready: images are"
                            + " loaded into a Ready cluster only");
        }
        images.request(name, wanted);
        return new ObservedCluster(info.withImages(images.of(name)), Optional.empty());
    }

    /** Owners as kindserver keeps them: another owner is refused naming the owner, none adopts on the same config. */
    @Override
    public ClusterInfo create(String name, String kindConfig, String owner) {
        creates.incrementAndGet();
        count(name);
        check();
        String hash = ConfigHash.of(kindConfig);
        ClusterInfo existing = clusters.get(name);
        if (existing != null && existing.owner() != null && !existing.owner().equals(owner)) {
            throw new ConflictException(
                    409,
                    "cluster " + name + " belongs to owner \"" + existing.owner() + "\"; "
                            + (owner == null ? "a create without an owner" : "a create by owner \"" + owner + "\"")
                            + " is refused (kind cluster names are global per Docker host: choose another name)");
        }
        if (existing != null && existing.owner() == null && owner != null && hash.equals(existing.configHash())) {
            existing = withOwner(existing, owner);
            clusters.put(name, existing);
        }
        if (existing != null && existing.phase() == ClusterPhase.Failed) {
            if (!hash.equals(existing.configHash())) {
                throw new ConflictException(
                        409,
                        "cluster " + name + " failed with another config; delete it before creating it with a new one");
            }
            return startCreate(name, hash, existing.createdAt(), existing.owner());
        }
        if (existing != null) {
            if (!hash.equals(existing.configHash())) {
                throw new ConflictException(409, "cluster " + name + " exists with another config");
            }
            return existing;
        }
        createdNames.add(name);
        return startCreate(name, hash, Instant.now(), owner);
    }

    private ClusterInfo startCreate(String name, String hash, Instant createdAt, String owner) {
        ClusterInfo creating = unfinished(
                name, ClusterPhase.Creating, new Progress(1, 6, "Ensuring node image"), hash, null, createdAt, owner);
        clusters.put(name, creating);
        return creating;
    }

    @Override
    public boolean delete(String name) {
        deletes.incrementAndGet();
        count(name);
        check();
        ClusterInfo info = clusters.get(name);
        if (info == null) {
            return false;
        }
        clusters.put(name, with(info, ClusterPhase.Deleting, info.nodes()));
        return true;
    }

    /** kind reports step {@code step} of 6. */
    public void progress(String name, int step, String text) {
        ClusterInfo info = clusters.get(name);
        clusters.put(
                name,
                unfinished(
                        name,
                        ClusterPhase.Creating,
                        new Progress(step, 6, text),
                        info.configHash(),
                        null,
                        info.createdAt(),
                        info.owner()));
    }

    /** Creation finished: endpoint, kubeconfig, version, IP, running nodes. */
    public void ready(String name) {
        ClusterInfo info = clusters.get(name);
        int port = 36443 + Math.abs(name.hashCode() % 500);
        String endpoint = "https://127.0.0.1:" + port;
        clusters.put(
                name,
                new ClusterInfo(
                        name,
                        ClusterPhase.Ready,
                        null,
                        endpoint,
                        FakeKubeconfigs.of(name, endpoint),
                        FakeKubeconfigs.of(name, "https://" + name + "-control-plane:6443"),
                        VERSION,
                        INTERNAL_IP,
                        List.of(new NodeInfo(name + "-control-plane", "control-plane", "running", INTERNAL_IP)),
                        info.configHash(),
                        null,
                        info.createdAt(),
                        info.owner()));
    }

    /** A cluster made elsewhere (by hand, or by another provider), ready, with the given config. */
    public void existing(String name, String kindConfig) {
        existing(name, kindConfig, null);
    }

    /** A cluster another client made for {@code owner} (null: none), ready, with the given config. */
    public void existing(String name, String kindConfig, String owner) {
        create(name, kindConfig, owner);
        creates.decrementAndGet();
        createdNames.remove(name);
        ready(name);
    }

    public void fail(String name, String kindMessage) {
        ClusterInfo info = clusters.get(name);
        clusters.put(
                name,
                unfinished(
                        name,
                        ClusterPhase.Failed,
                        null,
                        info.configHash(),
                        kindMessage,
                        info.createdAt(),
                        info.owner()));
    }

    /** The control-plane container stopped (docker stop). */
    public void stopNodes(String name) {
        stopNodes(name, "exited");
    }

    /** The nodes are not running, in the given Docker state (exited, dead, restarting...). */
    public void stopNodes(String name, String state) {
        ClusterInfo info = clusters.get(name);
        List<NodeInfo> nodes = new ArrayList<>();
        info.nodes().forEach(n -> nodes.add(new NodeInfo(n.name(), n.role(), state, n.ip())));
        clusters.put(name, with(info, ClusterPhase.Stopped, nodes));
    }

    /** Gone behind the provider's back (kind delete cluster on the host). */
    public void vanish(String name) {
        clusters.remove(name);
    }

    public boolean has(String name) {
        return clusters.containsKey(name);
    }

    /** The owner kindserver keeps for the cluster, or null. */
    public String owner(String name) {
        ClusterInfo info = clusters.get(name);
        return info == null ? null : info.owner();
    }

    public ClusterPhase phase(String name) {
        ClusterInfo info = clusters.get(name);
        return info == null ? null : info.phase();
    }

    private void check() {
        KindServerException current = failure;
        if (current != null) {
            throw current;
        }
    }

    /** A cluster kind has not made (yet): its phase, kind's step or error, config hash and owner, nothing else. */
    private static ClusterInfo unfinished(
            String name,
            ClusterPhase phase,
            Progress progress,
            String hash,
            String message,
            Instant createdAt,
            String owner) {
        return new ClusterInfo(
                name, phase, progress, null, null, null, null, null, List.of(), hash, message, createdAt, owner);
    }

    private static ClusterInfo with(ClusterInfo info, ClusterPhase phase, List<NodeInfo> nodes) {
        return copy(info, phase, nodes, info.owner());
    }

    private static ClusterInfo withOwner(ClusterInfo info, String owner) {
        return copy(info, info.phase(), info.nodes(), owner);
    }

    private static ClusterInfo copy(ClusterInfo info, ClusterPhase phase, List<NodeInfo> nodes, String owner) {
        return new ClusterInfo(
                info.name(),
                phase,
                info.progress(),
                info.endpoint(),
                info.kubeconfig(),
                info.internalKubeconfig(),
                info.kubernetesVersion(),
                info.internalIP(),
                nodes,
                info.configHash(),
                info.message(),
                info.createdAt(),
                owner);
    }
}
