package io.providerkind.provider.managed;

/** The result of updating an external resource (crossplane's {@code managed.ExternalUpdate}). */
public record ExternalUpdate(ConnectionDetails connectionDetails) {

    public ExternalUpdate {
        connectionDetails = connectionDetails == null ? ConnectionDetails.none() : connectionDetails;
    }

    public static ExternalUpdate withoutDetails() {
        return new ExternalUpdate(ConnectionDetails.none());
    }
}
