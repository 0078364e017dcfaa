package io.providerkind.provider.kindcluster;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.providerkind.provider.api.AtProvider;
import io.providerkind.provider.api.ImageStatus;
import io.providerkind.provider.api.KindClusterResource;
import io.providerkind.provider.managed.Annotations;
import io.providerkind.provider.managed.Announcement;
import io.providerkind.provider.managed.Conditions;
import io.providerkind.provider.managed.ExternalClient;
import io.providerkind.provider.managed.ExternalCreation;
import io.providerkind.provider.managed.ExternalObservation;
import io.providerkind.provider.managed.ExternalUpdate;
import io.providerkind.provider.managed.ManagementPolicies;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.ClusterPhase;
import io.providerkind.sdk.ConfigHash;
import io.providerkind.sdk.KindServerClient;
import io.providerkind.sdk.KindServerException;
import io.providerkind.sdk.ObservedCluster;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A KindCluster's kind cluster, through one kindserver.
 *
 * <p>Kind clusters cannot be changed in place, and the user decided that drift must never lead to a
 * deletion or a re-creation: Observe therefore always reports an existing cluster as up to date and
 * raises drift as an alert instead, and a cluster that vanished is reported and left vanished. A create
 * that kind reported Failed is the exception: that cluster never was, so it is created again.
 *
 * <p>kind cluster names are global per Docker host, so a cluster kindserver records for another owner
 * ({@link ClusterOwners}) is not this KindCluster's, whatever its name says: Observe fails naming the owner (Synced
 * False, never Ready, nothing published, nothing created or deleted), and a KindCluster being deleted lets go of its
 * finalizer and leaves that cluster alone, as crossplane-runtime does with an external resource Observe reports absent.
 * Importing stays possible: an Observe-only KindCluster reads any cluster (and, as crossplane-runtime publishes an
 * Observe-only resource's connection details, publishes its kubeconfig), and a cluster without an owner (made by hand,
 * or before owners existed) is treated as today; a create of it with the same config makes it this KindCluster's.
 *
 * <p>Images to preload are the one thing an Update changes: Observe of a Ready cluster reports it not up to date
 * while a wanted image is still to be asked of kindserver ({@link ImagePreload}), and Update asks for exactly those.
 * One instance serves one reconcile (the connector makes one per connect, as crossplane-runtime's ExternalConnecter
 * does), so Update asks for what this reconcile's Observe found missing.
 */
public final class KindClusterExternal<M extends KindClusterResource> implements ExternalClient<M> {

    /** The phase shown for a cluster kindserver no longer has (kindserver itself has no word for it). */
    public static final String VANISHED = "Vanished";

    /** The phases in which kind is at work on a cluster: its answer changes until they end. */
    static final Set<ClusterPhase> BUSY = Set.of(ClusterPhase.Creating, ClusterPhase.Deleting);

    private final KindServerClient kindserver;
    private final KindServerChanges<? super M> changes;
    private final String kindserverUrl;
    private final DriftAlerts alerts;
    private final String webhookUrl;
    private final FailedCreateRetries retries;
    private final Clock clock;
    private final ClusterOwners owners;
    private final ImageLoads images;

    public KindClusterExternal(
            KindServerClient kindserver,
            KindServerChanges<? super M> changes,
            String kindserverUrl,
            DriftAlerts alerts,
            String webhookUrl,
            FailedCreateRetries retries,
            Clock clock,
            ClusterOwners owners,
            ImageLoadFailures imageFailures) {
        this.kindserver = kindserver;
        this.changes = changes;
        this.kindserverUrl = kindserverUrl;
        this.alerts = alerts;
        this.webhookUrl = webhookUrl;
        this.retries = retries;
        this.clock = clock;
        this.owners = owners;
        this.images = new ImageLoads(kindserver, kindserverUrl, imageFailures);
    }

    @Override
    public ExternalObservation observe(M cluster) {
        String name = Annotations.externalName(cluster);
        Optional<ObservedCluster> observed = call(() -> kindserver.observe(name));
        waitForChange(cluster, name, observed);
        if (observed.isEmpty()) {
            return watchesForDrift(cluster) ? absent(cluster, name) : ExternalObservation.absent();
        }
        ClusterInfo info = observed.get().cluster();
        if (ownedByAnother(cluster, info)) {
            return notOurs(cluster, name, info);
        }
        List<ImageStatus> imagesBefore = cluster.atProvider().images();
        cluster.replaceAtProvider(
                ClusterObservations.atProvider(info, cluster.atProvider().drift()));
        boolean asksForImages = watchesForDrift(cluster) && policiesOf(cluster).shouldUpdate();
        List<Announcement> toTell = new ArrayList<>(images.observe(cluster, info, imagesBefore, asksForImages));
        Conditions.set(cluster, clock.instant(), ClusterObservations.ready(info));
        if (info.phase() == ClusterPhase.Ready) {
            retries.forget(cluster.getMetadata().getUid());
        } else if (info.phase() == ClusterPhase.Failed && createsAgain(cluster, info)) {
            throw createAgain(cluster, name, info);
        }
        // up to date even when drifted: there is nothing an Update could do but delete and re-create; only images
        // still to load are something to update
        ExternalObservation observation = images.found()
                ? ExternalObservation.outdated(
                        ClusterObservations.connectionDetails(info), "images to load: " + images.toAsk())
                : ExternalObservation.upToDate(ClusterObservations.connectionDetails(info));
        if (watchesForDrift(cluster) && settled(info)) {
            toTell.addAll(alerts.apply(cluster, DriftDetector.detect(cluster, info), webhookUrl));
        }
        return observation.announcing(toTell);
    }

    /**
     * While kind creates or deletes the cluster, or kindserver loads a wanted image into it, the next reconcile comes
     * when kindserver's answer changes ({@link KindServerChanges}); otherwise no wait is kept for the KindCluster.
     */
    private void waitForChange(M cluster, String name, Optional<ObservedCluster> observed) {
        ResourceID resource = ResourceID.fromResource(cluster);
        ImagePreload preload = ImagePreload.of(cluster.forProvider());
        Optional<String> busyEtag = observed.filter(
                        o -> BUSY.contains(o.cluster().phase())
                                || preload.underWay(o.cluster().images()))
                .filter(o -> !ownedByAnother(cluster, o.cluster()))
                .flatMap(ObservedCluster::etag);
        if (busyEtag.isPresent()) {
            changes.watch(resource, kindserver, name, busyEtag.get());
        } else {
            changes.stopWatching(resource);
        }
    }

    @Override
    public ExternalCreation create(M cluster) {
        String name = Annotations.externalName(cluster);
        // the reconciler's next look is a busy poll away: the wait for kindserver's next change starts from the
        // create's own answer and its ETag (a kindserver without ETags leaves it to the busy poll)
        ObservedCluster answer =
                call(() -> kindserver.createObserved(name, cluster.forProvider().kindConfig(), owners.of(cluster)));
        waitForChange(cluster, name, Optional.of(answer));
        return ExternalCreation.withoutDetails();
    }

    /**
     * Asks kindserver to load the images this reconcile's Observe found missing, records its answer and waits for
     * the loads as for a create. Observe reports every other existing cluster up to date (a kind cluster cannot
     * change in place), so the reconciler asks for any other update only when the cluster is absent and the
     * management policies allow Update but not Create, as crossplane-runtime does: there is nothing to update, and
     * saying so beats reporting a successful update on every poll.
     */
    @Override
    public ExternalUpdate update(M cluster) {
        String name = Annotations.externalName(cluster);
        if (!images.found()) {
            throw new IllegalStateException("kind cluster \"" + name + "\" does not exist, "
                    + "and this KindCluster's management policies do not include Create");
        }
        ObservedCluster answer = images.ask(name);
        waitForChange(cluster, name, Optional.of(answer));
        return ExternalUpdate.announcing(images.answered(cluster, answer.cluster()));
    }

    @Override
    public void delete(M cluster) {
        String name = Annotations.externalName(cluster);
        // as after a create: the delete's answer is the first one waited on
        waitForChange(cluster, name, call(() -> kindserver.deleteObserved(name)));
    }

    /**
     * A cluster kindserver keeps for another owner is someone else's, unless this KindCluster only observes: that
     * is an import on purpose, and it changes nothing.
     */
    private boolean ownedByAnother(M cluster, ClusterInfo info) {
        return info.owner() != null
                && !info.owner().equals(owners.of(cluster))
                && !policiesOf(cluster).shouldOnlyObserve();
    }

    /**
     * Someone else's cluster: absent to a KindCluster being deleted (its finalizer may go, the cluster stays), an
     * error naming the owner to any other. Nothing of the cluster is shown, so Ready says why instead.
     */
    private ExternalObservation notOurs(M cluster, String name, ClusterInfo info) {
        if (cluster.getMetadata().getDeletionTimestamp() != null) {
            return ExternalObservation.absent();
        }
        KindServerFailure failure = KindServerFailure.ownedByAnother(name, info.owner(), kindserverUrl);
        Conditions.set(cluster, clock.instant(), Conditions.unavailable().withMessage(failure.getMessage()));
        throw failure;
    }

    /**
     * A cluster this KindCluster never had is to be created. One it had (observed, or created by this
     * provider) and lost is drift: reported, alerted, and not re-created behind the users' backs.
     */
    private ExternalObservation absent(KindClusterResource cluster, String name) {
        AtProvider last = cluster.atProvider();
        boolean seenBefore = last.phase() != null || Annotations.createEverSucceeded(cluster);
        if (!seenBefore) {
            return ExternalObservation.absent();
        }
        Drift vanished = DriftDetector.vanished(name);
        cluster.replaceAtProvider(new AtProvider(
                VANISHED,
                null,
                last.internalIP(),
                last.kubernetesVersion(),
                last.endpoint(),
                last.configHash(),
                null,
                last.drift()));
        Conditions.set(cluster, clock.instant(), Conditions.unavailable().withMessage(vanished.message()));
        return ExternalObservation.absentAndNotToBeCreated(vanished.message())
                .announcing(alerts.apply(cluster, List.of(vanished), webhookUrl));
    }

    /**
     * A failed create is the provider's to make again when the KindCluster may create and still wants its
     * cluster. One with no config hash was made by hand, and its failure was a delete.
     */
    private static boolean createsAgain(KindClusterResource cluster, ClusterInfo info) {
        return cluster.getMetadata().getDeletionTimestamp() == null
                && policiesOf(cluster).shouldCreate()
                && info.configHash() != null
                && !info.configHash().isBlank();
    }

    /**
     * Asks kindserver to create the failed cluster again when the next attempt is due (kindserver removes
     * what the failed create left first), and answers the error that ends the observe either way.
     */
    private FailedCreateException createAgain(KindClusterResource cluster, String name, ClusterInfo info) {
        String kindFailure = ClusterObservations.failure(info);
        String kindConfig = cluster.forProvider().kindConfig();
        String wanted = ConfigHash.of(kindConfig);
        String failedWith = info.configHash().strip().toLowerCase(Locale.ROOT);
        if (!wanted.equals(failedWith)) {
            return FailedCreateException.configChanged(kindFailure, wanted, failedWith);
        }
        FailedCreateRetries.Turn turn = retries.take(cluster.getMetadata().getUid());
        if (turn instanceof FailedCreateRetries.Turn.Later later) {
            return FailedCreateException.creatingAgainIn(kindFailure, later.attempt(), later.in());
        }
        int attempt = ((FailedCreateRetries.Turn.Now) turn).attempt();
        try {
            kindserver.create(name, kindConfig, owners.of(cluster));
        } catch (KindServerException e) {
            return FailedCreateException.cannotCreateAgain(
                    kindFailure, attempt, KindServerFailure.of(e, kindserverUrl));
        }
        return FailedCreateException.creatingAgain(kindFailure, attempt);
    }

    /**
     * Drift is the difference between a cluster this KindCluster manages and what it says. A KindCluster
     * being deleted is letting its cluster go, and one that only observes (an import) says nothing the
     * cluster must match.
     */
    private static boolean watchesForDrift(KindClusterResource cluster) {
        return cluster.getMetadata().getDeletionTimestamp() == null
                && !policiesOf(cluster).shouldOnlyObserve();
    }

    /**
     * The KindCluster's own policies, read as crossplane-runtime reads them; the reconciler has already
     * refused a set it cannot honour, and applied the feature switch, before anything here runs.
     */
    private static ManagementPolicies policiesOf(KindClusterResource cluster) {
        return ManagementPolicies.of(true, cluster.managementPolicies(), cluster.deletionPolicy());
    }

    /** A cluster kind is still making, or unmaking, or failed to make, has no shape yet to drift from. */
    private static boolean settled(ClusterInfo info) {
        return info.phase() == ClusterPhase.Ready || info.phase() == ClusterPhase.Stopped;
    }

    private <T> T call(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (KindServerException e) {
            throw KindServerFailure.of(e, kindserverUrl);
        }
    }
}
