package io.providerkind.provider.kindcluster;

import io.providerkind.provider.api.ImageStatus;
import io.providerkind.provider.api.KindClusterResource;
import io.providerkind.provider.managed.Announcement;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.ClusterPhase;
import io.providerkind.sdk.KindServerClient;
import io.providerkind.sdk.KindServerException;
import io.providerkind.sdk.ObservedCluster;
import java.util.List;

/**
 * One reconcile's part of a KindCluster's image preload: its Observe records what kindserver reports of the wanted
 * images and finds those to ask for ({@link ImagePreload}); its Update asks kindserver for exactly those and records
 * the answer. Lives as long as the reconcile's {@link KindClusterExternal}, so the Update asks for what the same
 * reconcile's Observe found.
 */
final class ImageLoads {

    private final KindServerClient kindserver;
    private final String kindserverUrl;
    private final ImageLoadFailures failures;
    private List<String> toAsk = List.of();

    ImageLoads(KindServerClient kindserver, String kindserverUrl, ImageLoadFailures failures) {
        this.kindserver = kindserver;
        this.kindserverUrl = kindserverUrl;
        this.failures = failures;
    }

    /**
     * Records the wanted images kindserver reports in the cluster's status and finds those to ask for: only of a
     * Ready cluster, and only when {@code asks} (the KindCluster may update the cluster and is not being deleted).
     *
     * @param before the images status showed before this reconcile
     * @return the failures to tell once the status is written
     */
    List<Announcement> observe(KindClusterResource cluster, ClusterInfo info, List<ImageStatus> before, boolean asks) {
        ImagePreload preload = ImagePreload.of(cluster.forProvider());
        toAsk = asks && info.phase() == ClusterPhase.Ready ? preload.toAsk(info.images(), before) : List.of();
        return failures.record(cluster, before, preload.status(info.images()), asks);
    }

    /** Whether Observe found images to ask kindserver for. */
    boolean found() {
        return !toAsk.isEmpty();
    }

    List<String> toAsk() {
        return toAsk;
    }

    /** Asks kindserver to load the images Observe found; a refusal is said in words for the Synced condition. */
    ObservedCluster ask(String name) {
        try {
            return kindserver.loadImages(name, toAsk);
        } catch (KindServerException e) {
            throw KindServerFailure.imagesRefused(name, toAsk, e, kindserverUrl);
        } catch (UnsupportedOperationException e) {
            throw KindServerFailure.imagesUnsupported(name, kindserverUrl);
        }
    }

    /**
     * Records kindserver's answer to {@link #ask}: the images asked again are no longer shown Failed but as
     * kindserver now has them, so the reconcile that sees one fail again is the one that tells it.
     */
    List<Announcement> answered(KindClusterResource cluster, ClusterInfo answer) {
        ImagePreload preload = ImagePreload.of(cluster.forProvider());
        return failures.record(cluster, cluster.atProvider().images(), preload.status(answer.images()), true);
    }
}
