package io.providerkind.provider.managed;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.providerkind.provider.api.KindCluster;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

/**
 * An in-memory API server for one resource: keeps the stored copy, enforces resourceVersion on
 * metadata writes like the real one, and counts every write so tests can say "no writes".
 */
final class FakeStore implements ManagedResourceStore<KindCluster> {

    private final KubernetesSerialization serialization = new KubernetesSerialization();
    private KindCluster stored;
    private int version = 1;
    private RuntimeException nextUpdateFailure;
    final List<String> writes = new ArrayList<>();

    FakeStore(KindCluster initial) {
        serialization.registerKubernetesResource(KindCluster.class);
        initial.getMetadata().setResourceVersion(String.valueOf(version));
        this.stored = copy(initial);
    }

    /** A fresh copy of what the "API server" has, as an informer would deliver it. */
    KindCluster read() {
        return copy(stored);
    }

    void failNextUpdate(RuntimeException failure) {
        this.nextUpdateFailure = failure;
    }

    /** Someone else changes the resource: its resourceVersion moves on. */
    void touchBySomeoneElse() {
        version++;
        stored.getMetadata().setResourceVersion(String.valueOf(version));
    }

    @Override
    public String update(KindCluster managed) {
        if (nextUpdateFailure != null) {
            RuntimeException failure = nextUpdateFailure;
            nextUpdateFailure = null;
            throw failure;
        }
        requireCurrent(managed);
        writes.add("update");
        KindCluster next = copy(managed);
        next.setStatus(stored.getStatus());
        return save(next);
    }

    /** As the real store's merge patch: the critical annotations onto what is stored, nothing else. */
    @Override
    public String updateCriticalAnnotations(KindCluster managed) {
        writes.add("annotations");
        KindCluster next = copy(stored);
        HashMap<String, String> annotations = new HashMap<>(stored.getMetadata().getAnnotations());
        annotations.putAll(Annotations.critical(managed));
        next.getMetadata().setAnnotations(annotations);
        return save(next);
    }

    @Override
    public void updateStatus(KindCluster managed) {
        requireCurrent(managed);
        writes.add("status");
        KindCluster next = copy(stored);
        next.setStatus(managed.getStatus());
        managed.getMetadata().setResourceVersion(save(next));
    }

    @Override
    public Optional<KindCluster> fetch(KindCluster managed) {
        return Optional.of(read());
    }

    private void requireCurrent(KindCluster managed) {
        if (!stored.getMetadata()
                .getResourceVersion()
                .equals(managed.getMetadata().getResourceVersion())) {
            throw new StaleResourceException("stale", null);
        }
    }

    private String save(KindCluster next) {
        version++;
        next.getMetadata().setResourceVersion(String.valueOf(version));
        stored = next;
        return String.valueOf(version);
    }

    private KindCluster copy(KindCluster resource) {
        return serialization.unmarshal(serialization.asJson(resource), KindCluster.class);
    }
}
