package io.providerkind.provider.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Observed state of a KindCluster: crossplane's conditions plus what kindserver reports.
 *
 * @param lastHandledReconcileAt the {@code crossplane.io/reconcile-requested-at} token last handled, as crossplane's
 *                               ObservedStatus records it
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record KindClusterStatus(List<Condition> conditions, AtProvider atProvider, String lastHandledReconcileAt) {

    public KindClusterStatus {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    public static KindClusterStatus empty() {
        return new KindClusterStatus(List.of(), null, null);
    }

    public KindClusterStatus withConditions(List<Condition> newConditions) {
        return new KindClusterStatus(newConditions, atProvider, lastHandledReconcileAt);
    }

    public KindClusterStatus withAtProvider(AtProvider newAtProvider) {
        return new KindClusterStatus(conditions, newAtProvider, lastHandledReconcileAt);
    }

    public KindClusterStatus withLastHandledReconcileAt(String token) {
        return new KindClusterStatus(conditions, atProvider, token);
    }
}
