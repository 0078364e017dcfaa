package io.providerkind.provider.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Observed state of a KindCluster: crossplane's conditions plus what kindserver reports. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record KindClusterStatus(List<Condition> conditions, AtProvider atProvider) {

    public KindClusterStatus {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    public static KindClusterStatus empty() {
        return new KindClusterStatus(List.of(), null);
    }

    public KindClusterStatus withConditions(List<Condition> newConditions) {
        return new KindClusterStatus(newConditions, atProvider);
    }

    public KindClusterStatus withAtProvider(AtProvider newAtProvider) {
        return new KindClusterStatus(conditions, newAtProvider);
    }
}
