package io.providerkind.provider.kindcluster;

import io.providerkind.provider.api.AtProvider;
import io.providerkind.provider.api.KindCluster;
import io.providerkind.provider.managed.Annotations;
import io.providerkind.provider.managed.Conditions;
import io.providerkind.provider.managed.ExternalClient;
import io.providerkind.provider.managed.ExternalCreation;
import io.providerkind.provider.managed.ExternalObservation;
import io.providerkind.provider.managed.ExternalUpdate;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.KindServerClient;
import io.providerkind.sdk.KindServerException;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * A KindCluster's kind cluster, through one kindserver.
 *
 * <p>Kind clusters cannot be changed in place, and the user decided that drift must never lead to a
 * deletion or a re-creation: Observe therefore always reports an existing cluster as up to date and
 * raises drift as an alert instead, and a cluster that vanished is reported and left vanished.
 */
public final class KindClusterExternal implements ExternalClient<KindCluster> {

    /** The phase shown for a cluster kindserver no longer has (kindserver itself has no word for it). */
    public static final String VANISHED = "Vanished";

    private final KindServerClient kindserver;
    private final String kindserverUrl;
    private final DriftAlerts alerts;
    private final String webhookUrl;
    private final Clock clock;

    public KindClusterExternal(KindServerClient kindserver, String kindserverUrl, DriftAlerts alerts,
                               String webhookUrl, Clock clock) {
        this.kindserver = kindserver;
        this.kindserverUrl = kindserverUrl;
        this.alerts = alerts;
        this.webhookUrl = webhookUrl;
        this.clock = clock;
    }

    @Override
    public ExternalObservation observe(KindCluster cluster) {
        String name = Annotations.externalName(cluster);
        Optional<ClusterInfo> found = call(() -> kindserver.find(name));
        if (found.isEmpty()) {
            return absent(cluster, name);
        }
        ClusterInfo info = found.get();
        cluster.replaceAtProvider(ClusterObservations.atProvider(info));
        Conditions.set(cluster, clock.instant(), ClusterObservations.ready(info));
        List<Drift> drifts = DriftDetector.detect(cluster, info);
        alerts.apply(cluster, drifts, webhookUrl);
        // up to date even when drifted: there is nothing an Update could do but delete and re-create
        return ExternalObservation.upToDate(ClusterObservations.connectionDetails(info));
    }

    @Override
    public ExternalCreation create(KindCluster cluster) {
        String name = Annotations.externalName(cluster);
        call(() -> kindserver.create(name, cluster.getSpec().forProvider().kindConfig()));
        return ExternalCreation.withoutDetails();
    }

    /** Never called while Observe reports clusters up to date; and a kind cluster cannot change anyway. */
    @Override
    public ExternalUpdate update(KindCluster cluster) {
        return ExternalUpdate.withoutDetails();
    }

    @Override
    public void delete(KindCluster cluster) {
        String name = Annotations.externalName(cluster);
        call(() -> kindserver.delete(name));
    }

    /**
     * A cluster this KindCluster never had is to be created. One it had (observed, or created by this
     * provider) and lost is drift: reported, alerted, and not re-created behind the users' backs.
     */
    private ExternalObservation absent(KindCluster cluster, String name) {
        AtProvider last = cluster.atProvider();
        boolean seenBefore = last.phase() != null || Annotations.createEverSucceeded(cluster);
        if (!seenBefore) {
            return ExternalObservation.absent();
        }
        Drift vanished = DriftDetector.vanished(name);
        cluster.replaceAtProvider(new AtProvider(VANISHED, null, last.internalIP(), last.kubernetesVersion(),
                last.endpoint(), last.configHash(), null));
        Conditions.set(cluster, clock.instant(), Conditions.unavailable().withMessage(vanished.message()));
        alerts.apply(cluster, List.of(vanished), webhookUrl);
        return ExternalObservation.absentAndNotToBeCreated(vanished.message());
    }

    private <T> T call(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (KindServerException e) {
            throw KindServerFailure.of(e, kindserverUrl);
        }
    }
}
