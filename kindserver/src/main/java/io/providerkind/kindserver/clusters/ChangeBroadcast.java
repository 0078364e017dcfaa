package io.providerkind.kindserver.clusters;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Passes each change on to every listener of the service ({@link ClusterService#subscribe}). */
final class ChangeBroadcast implements ClusterChanges {

    private final List<ClusterChanges> listeners = new CopyOnWriteArrayList<>();

    void add(ClusterChanges listener) {
        listeners.add(listener);
    }

    @Override
    public void changed(String name) {
        listeners.forEach(listener -> listener.changed(name));
    }

    @Override
    public void snapshotChanged() {
        listeners.forEach(ClusterChanges::snapshotChanged);
    }
}
