package io.providerkind.provider.kindcluster;

import io.providerkind.provider.api.KindClusterResource;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.ClusterPhase;
import io.providerkind.sdk.ConfigHash;
import io.providerkind.sdk.NodeInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Compares a KindCluster with what kindserver reports and names every drift. */
public final class DriftDetector {

    private DriftDetector() {}

    public static List<Drift> detect(KindClusterResource desired, ClusterInfo actual) {
        List<Drift> drifts = new ArrayList<>();
        configChanged(desired, actual, drifts);
        nodesStopped(actual, drifts);
        return drifts;
    }

    /** A cluster the provider knew that kindserver no longer has. */
    public static Drift vanished(String externalName) {
        return new Drift(
                Drift.CLUSTER_VANISHED,
                externalName,
                "kind cluster \"" + externalName + "\" is gone from kindserver; "
                        + "it is not re-created "
                        + "automatically, because a new cluster would be a stranger to everything that used this one. "
                        + "Delete this KindCluster to let it go; apply it again to create a new cluster.");
    }

    private static void configChanged(KindClusterResource desired, ClusterInfo actual, List<Drift> drifts) {
        String madeWith = actual.configHash();
        if (madeWith == null
                || madeWith.isBlank()
                || desired.forProvider() == null
                || desired.forProvider().kindConfig() == null) {
            // a cluster made by hand with kind has no recorded config to compare with
            return;
        }
        String wanted =
                abbreviated(ConfigHash.of(desired.forProvider().kindConfig()).toLowerCase(Locale.ROOT));
        String made = abbreviated(madeWith.strip().toLowerCase(Locale.ROOT));
        if (!wanted.equals(made)) {
            drifts.add(new Drift(
                    Drift.CONFIG_CHANGED,
                    wanted + "!=" + made,
                    "spec.forProvider.kindConfig (sha256 "
                            + wanted + ") differs from the config the cluster was made with (sha256 " + made
                            + "); kind clusters cannot change in place, so the cluster is left as it is"));
        }
    }

    private static void nodesStopped(ClusterInfo actual, List<Drift> drifts) {
        List<NodeInfo> stopped = actual.nodes().stream()
                .filter(n -> !n.running())
                .sorted(Comparator.comparing(NodeInfo::name))
                .toList();
        if (!stopped.isEmpty()) {
            // the subject names the nodes, not their states: a node going from "exiting" to "exited" is one drift
            drifts.add(new Drift(
                    Drift.NODES_STOPPED,
                    stopped.stream().map(NodeInfo::name).collect(Collectors.joining(",")),
                    "nodes not running: "
                            + stopped.stream().map(DriftDetector::describe).collect(Collectors.joining(", "))));
        } else if (actual.phase() == ClusterPhase.Stopped) {
            drifts.add(new Drift(Drift.NODES_STOPPED, "all", "kindserver reports the cluster's nodes as stopped"));
        }
    }

    private static String describe(NodeInfo node) {
        return node.name() + " (" + (node.state() == null ? "unknown" : node.state()) + ")";
    }

    /** The first twelve hex digits of a config hash: enough for people to tell two configs apart in a message. */
    static String abbreviated(String hash) {
        return hash.length() <= 12 ? hash : hash.substring(0, 12);
    }
}
