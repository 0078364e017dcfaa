package io.providerkind.provider.kindcluster;

import io.providerkind.provider.api.AtProvider;
import io.providerkind.provider.api.Condition;
import io.providerkind.provider.api.DriftStatus;
import io.providerkind.provider.managed.Conditions;
import io.providerkind.provider.managed.ConnectionDetails;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.ClusterPhase;
import io.providerkind.sdk.Progress;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a KindCluster shows of the cluster kindserver reports: atProvider, Ready, connection details. */
public final class ClusterObservations {

    public static final String ENDPOINT = "endpoint";
    public static final String KUBECONFIG = "kubeconfig";
    /**
     * The kubeconfig for workloads on the kind network (inside another kind cluster's nodes or pods): its server is
     * {@code https://<name>-control-plane:6443}, the node's name on Docker's kind network, named as kindserver's
     * ClusterInfo names it (docs/design.md).
     */
    public static final String INTERNAL_KUBECONFIG = "internalKubeconfig";

    private ClusterObservations() {}

    /** What kindserver reports, with the drift last alerted on carried over (it is the provider's, not kindserver's). */
    public static AtProvider atProvider(ClusterInfo info, DriftStatus drift) {
        return new AtProvider(
                info.phase() == null ? null : info.phase().name(),
                info.phase() == ClusterPhase.Creating ? progress(info.progress()) : null,
                info.internalIP(),
                info.kubernetesVersion(),
                info.endpoint(),
                info.configHash(),
                info.phase() == ClusterPhase.Failed ? info.message() : null,
                drift);
    }

    /** kindserver's phase as crossplane's Ready condition, with kind's step or failure in the message. */
    public static Condition ready(ClusterInfo info) {
        ClusterPhase phase = info.phase() == null ? ClusterPhase.Creating : info.phase();
        return switch (phase) {
            case Creating -> Conditions.creating().withMessage(progressMessage(info.progress()));
            case Ready ->
                info.nodes().stream().allMatch(n -> n.running())
                        ? Conditions.available()
                        : Conditions.unavailable().withMessage("some nodes are not running");
            case Failed -> Conditions.unavailable().withMessage(failure(info));
            case Deleting -> Conditions.deleting();
            case Stopped -> Conditions.unavailable().withMessage("the cluster's nodes are not running");
        };
    }

    /** Why kindserver reports the cluster Failed, in kind's own words. */
    public static String failure(ClusterInfo info) {
        return "kind could not create the cluster: " + (info.message() == null ? "no reason given" : info.message());
    }

    /**
     * Endpoint and kubeconfig, the internal kubeconfig, plus CA, client certificate and key taken from the
     * kubeconfig; known only once the cluster is Ready, and nothing before (publishing is additive, so a Stopped
     * cluster keeps its published details).
     */
    public static ConnectionDetails connectionDetails(ClusterInfo info) {
        if (info.phase() != ClusterPhase.Ready || info.kubeconfig() == null) {
            return ConnectionDetails.none();
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put(ENDPOINT, info.endpoint());
        values.put(KUBECONFIG, info.kubeconfig());
        // null (an older kindserver) is left out by ofText rather than published empty
        values.put(INTERNAL_KUBECONFIG, info.internalKubeconfig());
        values.putAll(KubeconfigCredentials.of(info.kubeconfig()));
        return ConnectionDetails.ofText(values);
    }

    private static String progress(Progress progress) {
        if (progress == null) {
            return null;
        }
        String text = progress.text() == null ? "" : " " + progress.text().strip();
        return progress.step() + "/" + progress.total() + text;
    }

    private static String progressMessage(Progress progress) {
        String step = progress(progress);
        return step == null ? "kind is creating the cluster" : "kind is creating the cluster: step " + step;
    }
}
