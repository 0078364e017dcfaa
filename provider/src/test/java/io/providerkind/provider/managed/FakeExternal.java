package io.providerkind.provider.managed;

import io.providerkind.provider.api.KindCluster;
import java.util.function.Function;

/** An external client whose answers the test sets and whose calls it counts. */
final class FakeExternal implements ExternalClient<KindCluster>, ExternalConnector<KindCluster> {

    Function<KindCluster, ExternalObservation> observation = m -> ExternalObservation.absent();
    RuntimeException connectFailure;
    RuntimeException observeFailure;
    RuntimeException createFailure;
    RuntimeException updateFailure;
    RuntimeException deleteFailure;
    ExternalCreation creation = ExternalCreation.withoutDetails();
    int connects;
    int observes;
    int creates;
    int updates;
    int deletes;

    @Override
    public ExternalClient<KindCluster> connect(KindCluster managed) {
        connects++;
        if (connectFailure != null) {
            throw connectFailure;
        }
        return this;
    }

    @Override
    public ExternalObservation observe(KindCluster managed) {
        observes++;
        if (observeFailure != null) {
            throw observeFailure;
        }
        return observation.apply(managed);
    }

    @Override
    public ExternalCreation create(KindCluster managed) {
        creates++;
        if (createFailure != null) {
            throw createFailure;
        }
        return creation;
    }

    @Override
    public ExternalUpdate update(KindCluster managed) {
        updates++;
        if (updateFailure != null) {
            throw updateFailure;
        }
        return ExternalUpdate.withoutDetails();
    }

    @Override
    public void delete(KindCluster managed) {
        deletes++;
        if (deleteFailure != null) {
            throw deleteFailure;
        }
    }
}
