package io.providerkind.provider.managed;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import java.util.Objects;

/**
 * Lets an update through when the desired state changed, as crossplane-runtime's
 * {@code resource.DesiredStateChanged}: generation (spec), annotations (pause, external name) or
 * labels, plus the deletion timestamp. Status-only updates, which are the controller's own writes,
 * do not trigger another reconcile; nor do the managed reconciler's own metadata writes (external name,
 * finalizer, create annotations), which the reconcile that made them had already acted on.
 */
public final class DesiredStateChanged<R extends HasMetadata> implements OnUpdateFilter<R> {

    private final OwnWrites ownWrites;

    public DesiredStateChanged(OwnWrites ownWrites) {
        this.ownWrites = ownWrites;
    }

    @Override
    public boolean accept(R newResource, R oldResource) {
        // asked first whatever changed, so that each own write is forgotten once its event has come
        if (ownWrites.isOwn(newResource, oldResource)) {
            return false;
        }
        ObjectMeta now = newResource.getMetadata();
        ObjectMeta before = oldResource.getMetadata();
        return !Objects.equals(now.getGeneration(), before.getGeneration())
                || !Objects.equals(now.getAnnotations(), before.getAnnotations())
                || !Objects.equals(now.getLabels(), before.getLabels())
                || !Objects.equals(now.getDeletionTimestamp(), before.getDeletionTimestamp());
    }
}
