/**
 * Everything specific to KindClusters: {@link KindClusterController} binds the generic managed reconciler (package
 * {@code managed}) to KindCluster, {@link KindClusterConnector} reaches the kindserver its ProviderConfig names through
 * cached kindserver-sdk clients, and {@link KindClusterExternal} is its Observe, Create, Update and Delete. Drift is
 * detected and alerted ({@link DriftDetector}, {@link DriftAlerts}), never repaired: a cluster is not deleted or
 * re-created because it drifted. A create kind reported Failed is asked of kindserver again, with the backoff
 * {@link FailedCreateRetries} keeps. While kind creates or deletes a cluster, {@link KindServerChanges} (a
 * java-operator-sdk event source per controller) reconciles the KindCluster when kindserver's answer changes, by one
 * long-poll per KindCluster; {@link KindClusterPolling}'s busy poll is the fallback. Images to preload are the one
 * thing an Update changes: {@link ImagePreload} decides which to ask kindserver for, {@link ImageLoads} asks within one
 * reconcile, and {@link ImageLoadFailures} shows each failure in status and an Event; loads under way are waited on as
 * creates are. {@link KindServerFailure} is the one place SDK exceptions become words for users.
 * kind cluster names are global per Docker host, so every cluster is created for an owner ({@link ClusterOwners}: the
 * management cluster and the KindCluster), and a cluster kindserver keeps for another owner is never taken.
 */
package io.providerkind.provider.kindcluster;
