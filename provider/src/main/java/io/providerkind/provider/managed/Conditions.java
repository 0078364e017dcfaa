package io.providerkind.provider.managed;

import io.providerkind.provider.api.Condition;
import io.providerkind.provider.api.Managed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Crossplane's Ready and Synced conditions (crossplane-runtime's {@code xpv1} condition constructors)
 * and the one way to set them. Constructors leave the time and generation empty; {@link #set} stamps
 * them, keeping the old transition time when nothing but the generation changed.
 */
public final class Conditions {

    public static final String READY = "Ready";
    public static final String SYNCED = "Synced";

    public static final String REASON_AVAILABLE = "Available";
    public static final String REASON_UNAVAILABLE = "Unavailable";
    public static final String REASON_CREATING = "Creating";
    public static final String REASON_DELETING = "Deleting";
    public static final String REASON_RECONCILE_SUCCESS = "ReconcileSuccess";
    public static final String REASON_RECONCILE_ERROR = "ReconcileError";
    public static final String REASON_RECONCILE_PAUSED = "ReconcilePaused";

    private Conditions() {}

    public static Condition creating() {
        return of(READY, Condition.FALSE, REASON_CREATING, null);
    }

    public static Condition deleting() {
        return of(READY, Condition.FALSE, REASON_DELETING, null);
    }

    public static Condition available() {
        return of(READY, Condition.TRUE, REASON_AVAILABLE, null);
    }

    public static Condition unavailable() {
        return of(READY, Condition.FALSE, REASON_UNAVAILABLE, null);
    }

    public static Condition reconcileSuccess() {
        return of(SYNCED, Condition.TRUE, REASON_RECONCILE_SUCCESS, null);
    }

    public static Condition reconcileError(String message) {
        return of(SYNCED, Condition.FALSE, REASON_RECONCILE_ERROR, message);
    }

    public static Condition reconcilePaused() {
        return of(SYNCED, Condition.FALSE, REASON_RECONCILE_PAUSED, null);
    }

    public static Condition of(String type, String status, String reason, String message) {
        return new Condition(type, status, null, reason, message, null);
    }

    public static Optional<Condition> find(Managed managed, String type) {
        return managed.conditions().stream().filter(c -> type.equals(c.type())).findFirst();
    }

    public static boolean has(Managed managed, String type, String reason) {
        return find(managed, type).map(c -> reason.equals(c.reason())).orElse(false);
    }

    /**
     * Sets conditions on the managed resource, replacing those of the same type. A condition that says
     * the same as the one present keeps its lastTransitionTime, so an unchanged resource keeps an
     * unchanged status and costs no write.
     */
    public static void set(Managed managed, Instant now, Condition... updates) {
        managed.replaceConditions(
                set(managed.conditions(), managed.getMetadata().getGeneration(), now, updates));
    }

    /**
     * The given conditions with the updates set, stamped with the generation and time, by the same
     * rules as {@link #set(Managed, Instant, Condition...)}; the given list is left as it was.
     */
    public static List<Condition> set(List<Condition> current, Long generation, Instant now, Condition... updates) {
        List<Condition> result = new ArrayList<>(current);
        for (Condition update : updates) {
            Condition stamped = update.withObservedGeneration(generation).withLastTransitionTime(now.toString());
            int index = indexOf(result, update.type());
            if (index < 0) {
                result.add(stamped);
            } else if (!result.get(index).sameAs(stamped)) {
                result.set(index, transitionOrRefresh(result.get(index), stamped));
            }
        }
        return result;
    }

    private static Condition transitionOrRefresh(Condition existing, Condition update) {
        boolean onlyGenerationMoved =
                existing.withObservedGeneration(update.observedGeneration()).sameAs(update);
        return onlyGenerationMoved ? existing.withObservedGeneration(update.observedGeneration()) : update;
    }

    private static int indexOf(List<Condition> conditions, String type) {
        for (int i = 0; i < conditions.size(); i++) {
            if (type.equals(conditions.get(i).type())) {
                return i;
            }
        }
        return -1;
    }
}
