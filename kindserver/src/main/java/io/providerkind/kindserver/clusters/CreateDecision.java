package io.providerkind.kindserver.clusters;

import io.providerkind.kindserver.clusters.ClusterService.CreateOutcome;
import io.providerkind.kindserver.containerd.HostsFile;
import io.providerkind.kindserver.docker.DockerSnapshot;
import io.providerkind.kindserver.kind.ClusterName;
import io.providerkind.kindserver.kind.InvalidRequestException;
import io.providerkind.kindserver.kind.KindConfig;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.ClusterPhase;
import io.providerkind.sdk.Progress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a create of {@link KindClusterService} decides, under the cluster's lock and on a listing Docker answered:
 * start kind (a new cluster, or a retry of a failed one after removing its leftovers), report the cluster as it
 * is (same config), or refuse (another owner, another config, a cluster being deleted, one made by hand).
 *
 * <p>Owners come first: kind cluster names are global per Docker host, so two clients (two namespaces, two
 * management clusters) that pick the same name must not silently share, and later delete, one cluster. A cluster
 * recorded without an owner was created before owners existed, or by a client that sends none; a same-config
 * create with an owner adopts it, so that upgrading kindserver and then the provider keeps every cluster working.
 */
final class CreateDecision {

    private static final Logger LOG = LoggerFactory.getLogger(CreateDecision.class);

    private final ClusterEngine engine;
    private final OperationStarter starter;
    private final Function<String, ClusterInfo> info;

    /** @param info the cluster as a GET answers it */
    CreateDecision(ClusterEngine engine, OperationStarter starter, Function<String, ClusterInfo> info) {
        this.engine = engine;
        this.starter = starter;
        this.info = info;
    }

    /** Caller holds the cluster's lock; {@code docker} is a listing Docker answered. */
    CreateOutcome decide(ClusterName name, KindConfig config, String owner, DockerSnapshot docker) {
        Optional<ClusterRecord> existing = engine.table().record(name.value());
        if (existing.isPresent()) {
            return onExisting(name, config, claimed(name, config, owner, existing.get()));
        }
        if (!docker.nodes(name.value()).isEmpty()) {
            throw new ClusterConflictException("cluster " + name + " exists but was not created by kindserver"
                    + " (made with kind directly), so its config is unknown; import it instead of creating it");
        }
        requireWirable(config);
        OptionalInt port = engine.addressing().allocate(name.value(), docker.publishedPorts());
        Progress waiting = waiting(config);
        String note = config.apiServerOverrideNote().orElse(null);
        ClusterRecord record = ClusterRecord.creating(
                name.value(),
                config.original(),
                config.configHash(),
                port.isPresent() ? port.getAsInt() : null,
                waiting,
                note,
                owner,
                engine.now());
        if (port.isEmpty()) {
            record = record.failed(
                    "no free API server port left in " + engine.addressing().range()
                            + "; delete a cluster or widen --api-port-range",
                    engine.now());
        }
        putOrRelease(record);
        if (port.isPresent()) {
            startCreate(name, config, false);
        }
        return new CreateOutcome.Accepted(info.apply(name.value()));
    }

    /**
     * The record as this create may use it: refused when another owner holds it, adopted when it has no owner, the
     * create brings one and the same config, and kindserver made the cluster (a cluster made by hand, or one being
     * deleted, is never adopted; the rules below refuse those anyway).
     */
    private ClusterRecord claimed(ClusterName name, KindConfig config, String owner, ClusterRecord record) {
        if (record.owner() != null && !record.owner().equals(owner)) {
            throw new ClusterConflictException("cluster " + name + " belongs to owner \"" + record.owner() + "\"; "
                    + (owner == null ? "a create without an owner" : "a create by owner \"" + owner + "\"")
                    + " is refused (kind cluster names are global per Docker host: choose another name)");
        }
        boolean adoptable = record.owner() == null
                && owner != null
                && record.managed()
                && record.phase() != ClusterPhase.Deleting
                && config.configHash().equals(record.configHash());
        if (!adoptable) {
            return record;
        }
        ClusterRecord adopted = record.ownedBy(owner, engine.now());
        engine.table().put(adopted);
        LOG.info("cluster {} had no owner; owner \"{}\" adopted it with the same config", name, owner);
        return adopted;
    }

    private CreateOutcome onExisting(ClusterName name, KindConfig config, ClusterRecord record) {
        boolean sameConfig = config.configHash().equals(record.configHash());
        switch (record.phase()) {
            case Creating -> {
                if (sameConfig) {
                    return new CreateOutcome.Accepted(info.apply(name.value()));
                }
                throw new ClusterConflictException("cluster " + name + " is being created with another config");
            }
            case Ready, Stopped -> {
                if (sameConfig) {
                    return new CreateOutcome.Exists(info.apply(name.value()));
                }
                throw new ClusterConflictException("cluster " + name + " exists with another config (configHash "
                        + record.configHash() + "); kindserver never replaces a cluster, delete it first");
            }
            case Deleting ->
                throw new ClusterConflictException(
                        "cluster " + name + " is being deleted; create it " + "again once it is gone");
            case Failed -> {
                if (!record.managed()) {
                    throw new ClusterConflictException("cluster " + name + " was not created by kindserver and its "
                            + "delete failed (" + record.message() + "); delete it again");
                }
                if (!sameConfig) {
                    throw new ClusterConflictException("cluster " + name + " failed with another config; delete it"
                            + " before creating it with a new one");
                }
                requireWirable(config);
                OptionalInt port = engine.addressing()
                        .allocate(name.value(), engine.watcher().current().publishedPorts());
                if (port.isEmpty()) {
                    throw new ClusterConflictException("no free API server port left in "
                            + engine.addressing().range() + " to retry cluster " + name);
                }
                engine.table()
                        .put(record.withPort(port.getAsInt(), engine.now())
                                .retrying(
                                        waiting(config),
                                        config.apiServerOverrideNote().orElse(null),
                                        engine.now()));
                startCreate(name, config, true);
                return new CreateOutcome.Accepted(info.apply(name.value()));
            }
            default -> throw new IllegalStateException("unknown phase " + record.phase());
        }
    }

    /**
     * With a local registry, a config whose registry settings cannot move to hosts.toml files, or that configures
     * one of the registry's own host names, is refused before kind runs.
     */
    private void requireWirable(KindConfig config) {
        if (engine.registry().isEmpty()) {
            return;
        }
        List<String> registryHosts = engine.registry().get().hostNames();
        for (HostsFile file : config.registryTranslation().hosts()) {
            if (registryHosts.contains(file.directory())) {
                throw new InvalidRequestException("kindConfig's containerdConfigPatches configure registry host "
                        + file.directory() + ", which is kindserver's local registry (--registry)");
            }
        }
    }

    /** A create that lost the race with close() must not stay Creating. Caller holds the cluster's lock. */
    private void startCreate(ClusterName name, KindConfig config, boolean removeLeftoversFirst) {
        try {
            starter.startCreate(name, config, removeLeftoversFirst);
        } catch (ServiceUnavailableException e) {
            engine.table()
                    .record(name.value())
                    .ifPresent(r -> engine.table().put(r.failed(Shutdown.STOPPED_DURING_CREATE, engine.now())));
            throw e;
        }
    }

    private void putOrRelease(ClusterRecord record) {
        try {
            engine.table().put(record);
        } catch (RuntimeException e) {
            engine.addressing().release(record.name());
            throw e;
        }
    }

    private Progress waiting(KindConfig config) {
        return new Progress(0, config.expectedSteps(), "waiting for a free create slot");
    }
}
