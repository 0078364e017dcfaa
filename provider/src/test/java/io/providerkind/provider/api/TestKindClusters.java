package io.providerkind.provider.api;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.UUID;

/** KindClusters for tests, as a user would apply them. */
public final class TestKindClusters {

    public static final String SEED_CONFIG = """
            kind: Cluster
            apiVersion: kind.x-k8s.io/v1alpha4
            nodes:
            - role: control-plane
            """;

    private TestKindClusters() {}

    /** A KindCluster as the API server returns it right after creation: uid, timestamps, generation 1. */
    public static KindCluster stored(String name) {
        KindCluster cluster = applied(name, SEED_CONFIG);
        cluster.getMetadata().setUid(UUID.randomUUID().toString());
        cluster.getMetadata().setGeneration(1L);
        cluster.getMetadata().setCreationTimestamp("2025-03-31T10:00:00Z");
        cluster.getMetadata().setFinalizers(new java.util.ArrayList<>());
        return cluster;
    }

    /** A KindCluster as a user writes it. */
    public static KindCluster applied(String name, String kindConfig) {
        return applied(name, kindConfig, null, DeletionPolicy.Delete, List.of(ManagementAction.All));
    }

    public static KindCluster applied(
            String name,
            String kindConfig,
            SecretReference connectionSecret,
            DeletionPolicy deletionPolicy,
            List<ManagementAction> policies) {
        KindCluster cluster = new KindCluster();
        cluster.setMetadata(new ObjectMetaBuilder().withName(name).build());
        cluster.setSpec(new KindClusterSpec(
                new ForProvider(kindConfig), new Reference("default"), connectionSecret, deletionPolicy, policies));
        return cluster;
    }
}
