package io.providerkind.provider.managed;

import java.util.List;

/**
 * The result of updating an external resource (crossplane's {@code managed.ExternalUpdate}).
 *
 * @param connectionDetails details to publish (merged into what was published before)
 * @param announcements     told once the status this update recorded is written, never before (as an
 *                          observation's)
 */
public record ExternalUpdate(ConnectionDetails connectionDetails, List<Announcement> announcements) {

    public ExternalUpdate {
        connectionDetails = connectionDetails == null ? ConnectionDetails.none() : connectionDetails;
        announcements = announcements == null ? List.of() : List.copyOf(announcements);
    }

    public ExternalUpdate(ConnectionDetails connectionDetails) {
        this(connectionDetails, List.of());
    }

    public static ExternalUpdate withoutDetails() {
        return new ExternalUpdate(ConnectionDetails.none());
    }

    /** An update with nothing to publish, whose announcements are told once its status is written. */
    public static ExternalUpdate announcing(List<Announcement> toTell) {
        return new ExternalUpdate(ConnectionDetails.none(), toTell);
    }
}
