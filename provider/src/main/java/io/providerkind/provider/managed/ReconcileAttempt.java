package io.providerkind.provider.managed;

import io.providerkind.provider.api.Condition;
import io.providerkind.provider.api.Managed;
import io.providerkind.provider.api.ReconcileRequestTracker;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reconcile of one managed resource: remembers the status it started from, so that it writes
 * status only when the reconcile changed it, and ends every path the same way (conditions, Event,
 * status, outcome). This is the one place where failures become conditions and Events.
 */
final class ReconcileAttempt<M extends Managed> {

    private static final Logger log = LoggerFactory.getLogger(ReconcileAttempt.class);
    /** A stale read resolves itself when the informer catches up; look again shortly. */
    static final Duration STALE_RETRY = Duration.ofMillis(200);

    private final M managed;
    private final Object statusBefore;
    private final ManagedResourceStore<M> store;
    private final EventRecorder events;
    private final ManagedMetrics metrics;
    private final Clock clock;
    private final Duration retryCeiling;
    private List<Announcement> announcements = List.of();
    private String reconcileRequest;

    /** @param retryCeiling the longest a failure waits before the next try: the poll interval */
    ReconcileAttempt(
            M managed,
            ManagedResourceStore<M> store,
            EventRecorder events,
            ManagedMetrics metrics,
            Clock clock,
            Duration retryCeiling) {
        this.managed = managed;
        this.statusBefore = managed.statusSnapshot();
        this.store = store;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
        this.retryCeiling = retryCeiling;
    }

    M managed() {
        return managed;
    }

    /**
     * To be told once this attempt's status is written (or found already written), after what was to be told
     * before (the Observe's, then the Update's); dropped if the write fails.
     */
    void announceOnceWritten(List<Announcement> toTell) {
        List<Announcement> all = new ArrayList<>(announcements);
        all.addAll(toTell);
        announcements = List.copyOf(all);
    }

    /**
     * crossplane-runtime's reconcile request: a token in {@code crossplane.io/reconcile-requested-at} that differs from
     * status.lastHandledReconcileAt gets a ReconcileRequestHandled Event now and is recorded with this attempt's
     * status, whichever way it ends, so that it survives the metadata writes in between.
     */
    void handleReconcileRequest() {
        if (!(managed instanceof ReconcileRequestTracker tracker)) {
            return;
        }
        Annotations.reconcileRequest(managed)
                .filter(token -> !token.equals(tracker.lastHandledReconcileAt()))
                .ifPresent(token -> {
                    events.normal(managed, EventReasons.RECONCILE_REQUEST_HANDLED, "Handling reconcile request");
                    reconcileRequest = token;
                });
    }

    private void set(Condition... conditions) {
        Conditions.set(managed, clock.instant(), conditions);
    }

    /** Ends with the given conditions set and status written if it changed. */
    Outcome finish(Outcome outcome, Condition... conditions) {
        set(conditions);
        return writeStatus(outcome);
    }

    /**
     * Ends with the given conditions set, status written if it changed, and the next look at the poll the resource
     * gets as it now is: a hook that polls a resource in creation more often sees it in creation.
     */
    Outcome finishAndPoll(Function<M, Duration> poll, Condition... conditions) {
        set(conditions);
        return writeStatus(new Outcome.PollAfter(poll.apply(managed)));
    }

    /** Ends a failed step: a Warning Event, Synced=False with the cause, status, and backoff. */
    Outcome fail(String eventReason, String message, Condition... alsoSet) {
        log.debug("{} {}: {}", kindAndName(), eventReason, message);
        if (eventReason != null) {
            events.warning(managed, eventReason, message);
        }
        set(alsoSet);
        set(Conditions.reconcileError(message));
        return writeStatus(new Outcome.RetryWithBackoff(message, retryCeiling));
    }

    /** Someone changed the resource since we read it: no error, no Event; read again shortly. */
    Outcome stale(StaleResourceException e) {
        log.debug("{} changed while reconciling, reading again: {}", kindAndName(), e.getMessage());
        return new Outcome.RequeueSoon(STALE_RETRY);
    }

    private Outcome writeStatus(Outcome outcome) {
        metrics.recordFirstTimeReady(managed);
        if (reconcileRequest != null && managed instanceof ReconcileRequestTracker tracker) {
            tracker.replaceLastHandledReconcileAt(reconcileRequest);
        }
        if (Objects.equals(statusBefore, managed.statusSnapshot())) {
            announce();
            return outcome;
        }
        try {
            store.updateStatus(managed);
            announce();
            return outcome;
        } catch (StaleResourceException e) {
            return stale(e);
        } catch (RuntimeException e) {
            log.warn("{}: cannot update managed resource status: {}", kindAndName(), describe(e));
            return new Outcome.RetryWithBackoff("cannot update managed resource status: " + describe(e), retryCeiling);
        }
    }

    private void announce() {
        List<Announcement> toTell = announcements;
        announcements = List.of();
        for (Announcement announcement : toTell) {
            try {
                announcement.announce();
            } catch (RuntimeException e) {
                // the status is written: a failed Event or webhook must not undo the reconcile
                log.warn("{}: cannot announce: {}", kindAndName(), describe(e));
            }
        }
    }

    String kindAndName() {
        return managed.getKind() + "/" + managed.getMetadata().getName();
    }

    /** The text of a failure as a person should read it. */
    static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}
