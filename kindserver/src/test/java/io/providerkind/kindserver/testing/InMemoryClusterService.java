package io.providerkind.kindserver.testing;

import io.providerkind.kindserver.clusters.ClusterChanges;
import io.providerkind.kindserver.clusters.ClusterConflictException;
import io.providerkind.kindserver.clusters.ClusterService;
import io.providerkind.kindserver.kind.ClusterName;
import io.providerkind.kindserver.kind.KindConfig;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.ClusterPhase;
import io.providerkind.sdk.ImageLoad;
import io.providerkind.sdk.ImageLoadState;
import io.providerkind.sdk.LocalRegistry;
import io.providerkind.sdk.Progress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A {@link ClusterService} that keeps clusters in a map and records every call, for tests of the HTTP layer:
 * they assert what reached the service (and, for bad input, that nothing did). Follows the interface's
 * contract for outcomes (202 / 200 / 409, 202 / 404) without running anything.
 */
public final class InMemoryClusterService implements ClusterService {

    /** One call that reached the service. */
    public record Call(String method, String name, String kindConfig) {}

    private final Map<String, ClusterInfo> clusters = new ConcurrentHashMap<>();
    private final Map<String, String> configs = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<ClusterChanges> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean ready = true;
    private volatile boolean closed;
    private volatile LocalRegistry registry;
    private volatile Function<String, RuntimeException> failure = name -> null;

    /** Adds a cluster as if it had been created earlier with {@code kindConfig}. */
    public InMemoryClusterService with(ClusterInfo cluster, String kindConfig) {
        clusters.put(cluster.name(), cluster);
        configs.put(cluster.name(), kindConfig);
        listeners.forEach(listener -> listener.changed(cluster.name()));
        return this;
    }

    /** Forgets a cluster, as kindserver does once it is deleted, telling the listeners. */
    public void forget(String name) {
        clusters.remove(name);
        configs.remove(name);
        listeners.forEach(listener -> listener.changed(name));
    }

    /** Tells the listeners that a cluster changed while its answer stays the same. */
    public void touch(String name) {
        listeners.forEach(listener -> listener.changed(name));
    }

    /** Makes every call for {@code name} throw what {@code failure} returns (null: no failure). */
    public void failWith(Function<String, RuntimeException> failure) {
        this.failure = failure;
    }

    public void ready(boolean ready) {
        this.ready = ready;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public boolean closed() {
        return closed;
    }

    @Override
    public List<ClusterInfo> list() {
        calls.add(new Call("list", null, null));
        return new ArrayList<>(clusters.values());
    }

    @Override
    public Optional<ClusterInfo> get(String name) {
        calls.add(new Call("get", name, null));
        failIfAsked(name);
        return Optional.ofNullable(clusters.get(name));
    }

    /** A cluster kind is making, at {@code step} of 6, for a test to load with {@link #with}. */
    public static ClusterInfo creatingAtStep(String name, int step) {
        return creating(name, new Progress(step, 6, "step " + step), "abc123");
    }

    private static ClusterInfo creating(String name, Progress progress, String configHash) {
        return new ClusterInfo(
                name,
                ClusterPhase.Creating,
                progress,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                configHash,
                null,
                Instant.parse("2025-03-31T10:15:30Z"));
    }

    @Override
    public CreateOutcome create(String name, String kindConfig) {
        calls.add(new Call("create", name, kindConfig));
        failIfAsked(name);
        ClusterInfo existing = clusters.get(name);
        if (existing != null) {
            if (!configs.get(name).equals(kindConfig)) {
                throw new ClusterConflictException("cluster " + name + " exists with another kind config");
            }
            return existing.phase() == ClusterPhase.Creating
                    ? new CreateOutcome.Accepted(existing)
                    : new CreateOutcome.Exists(existing);
        }
        ClusterInfo creating = creating(name, null, Integer.toHexString(kindConfig.hashCode()));
        clusters.put(name, creating);
        configs.put(name, kindConfig);
        return new CreateOutcome.Accepted(creating);
    }

    /** Owners are the engine's rule (tested on the real one); the HTTP layer only hands them on. */
    @Override
    public CreateOutcome create(ClusterName name, KindConfig config, String owner) {
        return create(name.value(), config.original());
    }

    @Override
    public DeleteOutcome delete(String name) {
        calls.add(new Call("delete", name, null));
        failIfAsked(name);
        ClusterInfo existing = clusters.remove(name);
        if (existing == null) {
            return new DeleteOutcome.NotFound(name);
        }
        configs.remove(name);
        return new DeleteOutcome.Deleting(new ClusterInfo(
                name,
                ClusterPhase.Deleting,
                null,
                existing.endpoint(),
                null,
                null,
                existing.kubernetesVersion(),
                existing.internalIP(),
                existing.nodes(),
                existing.configHash(),
                null,
                existing.createdAt()));
    }

    /** Answers the list with this registry from now on. */
    public InMemoryClusterService withRegistry(LocalRegistry registry) {
        this.registry = registry;
        return this;
    }

    /** Queues the images as Pending (call "LOAD", the images joined by commas); nothing loads them. */
    @Override
    public LoadOutcome loadImages(ClusterName name, List<String> images) {
        failIfAsked(name.value());
        calls.add(new Call("LOAD", name.value(), String.join(",", images)));
        ClusterInfo existing = clusters.get(name.value());
        if (existing == null) {
            return new LoadOutcome.NotFound(name.value());
        }
        if (existing.phase() != ClusterPhase.Ready) {
            throw new ClusterConflictException("cluster " + name + " is " + existing.phase());
        }
        List<ImageLoad> loads = new ArrayList<>(existing.images());
        images.stream()
                .filter(image -> loads.stream().noneMatch(load -> load.image().equals(image)))
                .forEach(image -> loads.add(new ImageLoad(image, ImageLoadState.Pending, null)));
        ClusterInfo loading = existing.withImages(loads);
        with(loading, configs.get(name.value()));
        return new LoadOutcome.Accepted(loading);
    }

    @Override
    public Optional<LocalRegistry> registry() {
        return Optional.ofNullable(registry);
    }

    @Override
    public void subscribe(ClusterChanges listener) {
        listeners.add(listener);
    }

    @Override
    public boolean ready() {
        return ready;
    }

    @Override
    public void close() {
        closed = true;
    }

    private void failIfAsked(String name) {
        RuntimeException e = failure.apply(name);
        if (e != null) {
            throw e;
        }
    }
}
