/**
 * kindserver's cluster engine: what it does with clusters ({@link ClusterService}) and how, on the kind CLI and Docker
 * ({@link KindClusterService}). It owns the per-cluster records in the state dir ({@link ClusterStore}), the rule of
 * one running operation per cluster, creates and deletes in the background, recovery after a restart or crash, and
 * the graceful shutdown of running kind processes. Reads answer from memory and never start a process; no HTTP here.
 */
package io.providerkind.kindserver.clusters;
