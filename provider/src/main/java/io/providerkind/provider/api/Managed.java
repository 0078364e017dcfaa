package io.providerkind.provider.api;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/**
 * What every managed resource offers the generic managed reconciler: the Java counterpart of
 * crossplane-runtime's {@code resource.Managed}.
 *
 * <p>Method names deliberately avoid the bean prefixes ({@code get}/{@code set}/{@code is}): Jackson
 * would otherwise serialise them as extra top-level fields of the custom resource.
 */
public interface Managed extends HasMetadata {

    /** The ProviderConfig this resource uses; never null (defaults to the one named {@code default}). */
    ProviderConfigKey providerConfigKey();

    /** Where to write the connection Secret, or null when the user asked for none. */
    SecretReference connectionSecretReference();

    /** Never null; {@link DeletionPolicy#Delete} unless the user said otherwise. */
    DeletionPolicy deletionPolicy();

    /** Never null; {@code ["*"]} unless the user said otherwise. */
    List<ManagementAction> managementPolicies();

    /** The conditions in status; empty, never null. */
    List<Condition> conditions();

    /** Replaces the conditions in status, leaving the rest of status as it is. */
    void replaceConditions(List<Condition> conditions);

    /**
     * The status as an immutable value. The reconciler compares the snapshot taken before a reconcile
     * with the one after it and writes status only when they differ.
     */
    Object statusSnapshot();
}
