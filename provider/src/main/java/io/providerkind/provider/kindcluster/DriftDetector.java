package io.providerkind.provider.kindcluster;

import io.providerkind.provider.api.KindCluster;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.ClusterPhase;
import io.providerkind.sdk.ConfigHash;
import io.providerkind.sdk.NodeInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Compares a KindCluster with what kindserver reports and names every drift. */
public final class DriftDetector {

    private DriftDetector() {
    }

    public static List<Drift> detect(KindCluster desired, ClusterInfo actual) {
        List<Drift> drifts = new ArrayList<>();
        configChanged(desired, actual, drifts);
        nodesStopped(actual, drifts);
        return drifts;
    }

    /** A cluster the provider knew that kindserver no longer has. */
    public static Drift vanished(String externalName) {
        return new Drift(Drift.CLUSTER_VANISHED, "kind cluster \"" + externalName + "\" is gone from kindserver; "
                + "it is not re-created "
                + "automatically, because a new cluster would be a stranger to everything that used this one. "
                + "Delete this KindCluster to let it go; apply it again to create a new cluster.");
    }

    private static void configChanged(KindCluster desired, ClusterInfo actual, List<Drift> drifts) {
        String madeWith = actual.configHash();
        if (madeWith == null || madeWith.isBlank() || desired.getSpec() == null
                || desired.getSpec().forProvider() == null || desired.getSpec().forProvider().kindConfig() == null) {
            // a cluster made by hand with kind has no recorded config to compare with
            return;
        }
        String wanted = ConfigHash.of(desired.getSpec().forProvider().kindConfig());
        if (!wanted.equalsIgnoreCase(madeWith.strip())) {
            drifts.add(new Drift(Drift.CONFIG_CHANGED, "spec.forProvider.kindConfig (sha256 "
                    + abbreviated(wanted) + ") differs from the config the cluster was made with (sha256 "
                    + abbreviated(madeWith.strip().toLowerCase(Locale.ROOT)) + "); kind clusters cannot "
                    + "change in place, so the cluster is left as it is"));
        }
    }

    private static void nodesStopped(ClusterInfo actual, List<Drift> drifts) {
        List<String> stopped = actual.nodes().stream().filter(n -> !n.running())
                .map(DriftDetector::describe).sorted().toList();
        if (!stopped.isEmpty()) {
            drifts.add(new Drift(Drift.NODES_STOPPED, "nodes not running: " + String.join(", ", stopped)));
        } else if (actual.phase() == ClusterPhase.Stopped) {
            drifts.add(new Drift(Drift.NODES_STOPPED, "kindserver reports the cluster's nodes as stopped"));
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
