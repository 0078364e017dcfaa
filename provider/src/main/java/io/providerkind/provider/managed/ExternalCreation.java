package io.providerkind.provider.managed;

/** The result of creating an external resource (crossplane's {@code managed.ExternalCreation}). */
public record ExternalCreation(ConnectionDetails connectionDetails) {

    public ExternalCreation {
        connectionDetails = connectionDetails == null ? ConnectionDetails.none() : connectionDetails;
    }

    public static ExternalCreation withoutDetails() {
        return new ExternalCreation(ConnectionDetails.none());
    }
}
