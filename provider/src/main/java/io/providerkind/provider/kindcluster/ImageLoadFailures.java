package io.providerkind.provider.kindcluster;

import io.providerkind.provider.api.ImageStatus;
import io.providerkind.provider.api.KindClusterResource;
import io.providerkind.provider.managed.Annotations;
import io.providerkind.provider.managed.Announcement;
import io.providerkind.provider.managed.EventRecorder;
import java.util.List;

/**
 * Records the preload images' states in a KindCluster's status and tells people of each failed load: a Warning Event
 * {@value #EVENT_FAILED} naming the image and kindserver's reason, once per failure recorded (a load asked again that
 * fails again is a new failure), told only once the status recording it is written, as drift alerts are. A failed
 * image leaves the cluster Ready and the reconcile Synced: the cluster works, and the failure is the image's, kept in
 * its status entry, the way crossplane-runtime reports what an external resource says without failing the reconcile.
 */
public final class ImageLoadFailures {

    public static final String EVENT_FAILED = "ImageLoadFailed";

    private final EventRecorder events;

    public ImageLoadFailures(EventRecorder events) {
        this.events = events;
    }

    /**
     * Puts {@code images} in the cluster's status and answers the Events to tell once it is written: one per image
     * that {@code images} shows Failed and {@code before} (the status they replace) did not.
     *
     * @param askedAgain whether this KindCluster asks a failed image again (its policies include Update)
     */
    public List<Announcement> record(
            KindClusterResource cluster, List<ImageStatus> before, List<ImageStatus> images, boolean askedAgain) {
        cluster.replaceAtProvider(cluster.atProvider().withImages(images));
        String name = Annotations.externalName(cluster);
        return ImagePreload.newlyFailed(before, images).stream()
                .map(failed ->
                        (Announcement) () -> events.warning(cluster, EVENT_FAILED, message(name, failed, askedAgain)))
                .toList();
    }

    static String message(String cluster, ImageStatus failed, boolean askedAgain) {
        return "cannot load image \"" + failed.image() + "\" into kind cluster \"" + cluster + "\": "
                + (failed.message() == null ? "kindserver gave no reason" : failed.message())
                + (askedAgain
                        ? "; the cluster works without it, and the image is asked for again at the next poll"
                        : "; the cluster works without it");
    }
}
