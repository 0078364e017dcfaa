package io.providerkind.provider.managed;

/** The Event reasons crossplane-runtime's managed reconciler uses, so that tooling that knows them works here. */
public final class EventReasons {

    public static final String CANNOT_CONNECT = "CannotConnectToProvider";
    public static final String CANNOT_INITIALIZE = "CannotInitializeManagedResource";
    public static final String CANNOT_OBSERVE = "CannotObserveExternalResource";
    public static final String CANNOT_CREATE = "CannotCreateExternalResource";
    public static final String CANNOT_DELETE = "CannotDeleteExternalResource";
    public static final String CANNOT_PUBLISH = "CannotPublishConnectionDetails";
    public static final String CANNOT_UNPUBLISH = "CannotUnpublishConnectionDetails";
    public static final String CANNOT_UPDATE = "CannotUpdateExternalResource";
    public static final String CANNOT_UPDATE_MANAGED = "CannotUpdateManagedResource";
    public static final String INVALID_MANAGEMENT_POLICY = "CannotUseInvalidManagementPolicy";
    public static final String DELETED = "DeletedExternalResource";
    public static final String CREATED = "CreatedExternalResource";
    public static final String UPDATED = "UpdatedExternalResource";
    public static final String PENDING = "PendingExternalResource";
    public static final String PAUSED = "ReconciliationPaused";
    public static final String RECONCILE_REQUEST_HANDLED = "ReconcileRequestHandled";

    private EventReasons() {}
}
