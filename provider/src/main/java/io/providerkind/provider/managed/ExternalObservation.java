package io.providerkind.provider.managed;

import java.util.List;

/**
 * The result of observing an external resource (crossplane's {@code managed.ExternalObservation}).
 *
 * @param resourceExists          an external resource of the managed resource's external name exists
 * @param resourceUpToDate        updating the external resource would change nothing
 * @param resourceLateInitialized Observe filled unset spec fields that must now be persisted
 * @param connectionDetails       details to publish (merged into what was published before)
 * @param diff                    for debug logs: how the external resource differs from the desired one
 * @param createRefusal           when not null and the resource does not exist: why it must not be
 *                                created now, e.g. because it vanished and re-creating it would hide
 *                                that from the people who depend on it. Null lets the reconciler create.
 * @param announcements           told once the status this observation recorded is written, never before
 */
public record ExternalObservation(
        boolean resourceExists,
        boolean resourceUpToDate,
        boolean resourceLateInitialized,
        ConnectionDetails connectionDetails,
        String diff,
        String createRefusal,
        List<Announcement> announcements) {

    public ExternalObservation {
        connectionDetails = connectionDetails == null ? ConnectionDetails.none() : connectionDetails;
        announcements = announcements == null ? List.of() : List.copyOf(announcements);
    }

    /** Nothing there: the reconciler may create it. */
    public static ExternalObservation absent() {
        return new ExternalObservation(false, false, false, ConnectionDetails.none(), null, null, List.of());
    }

    /** Nothing there, and the reconciler must not create it (the reason is shown to people). */
    public static ExternalObservation absentAndNotToBeCreated(String reason) {
        return new ExternalObservation(false, false, false, ConnectionDetails.none(), null, reason, List.of());
    }

    /** There and as desired. */
    public static ExternalObservation upToDate(ConnectionDetails details) {
        return new ExternalObservation(true, true, false, details, null, null, List.of());
    }

    /** The same observation, with announcements to tell once the status it recorded is written. */
    public ExternalObservation announcing(List<Announcement> toTell) {
        return new ExternalObservation(
                resourceExists,
                resourceUpToDate,
                resourceLateInitialized,
                connectionDetails,
                diff,
                createRefusal,
                toTell);
    }

    /** There but different from the desired state; the reconciler will call Update. */
    public static ExternalObservation outdated(ConnectionDetails details, String diff) {
        return new ExternalObservation(true, false, false, details, diff, null, List.of());
    }
}
