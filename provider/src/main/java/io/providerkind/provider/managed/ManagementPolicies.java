package io.providerkind.provider.managed;

import static io.providerkind.provider.api.ManagementAction.All;
import static io.providerkind.provider.api.ManagementAction.Create;
import static io.providerkind.provider.api.ManagementAction.Delete;
import static io.providerkind.provider.api.ManagementAction.LateInitialize;
import static io.providerkind.provider.api.ManagementAction.Observe;
import static io.providerkind.provider.api.ManagementAction.Update;

import io.providerkind.provider.api.DeletionPolicy;
import io.providerkind.provider.api.ManagementAction;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which actions a managed resource allows, from its managementPolicies and deletionPolicy
 * (crossplane-runtime's {@code ManagementPoliciesResolver}, with the same supported combinations).
 *
 * @param enabled  whether management policies are honoured at all (crossplane's feature flag)
 * @param policies the resource's spec.managementPolicies
 * @param deletion the resource's spec.deletionPolicy
 */
public record ManagementPolicies(boolean enabled, Set<ManagementAction> policies, DeletionPolicy deletion) {

    private static final List<Set<ManagementAction>> SUPPORTED = List.of(
            EnumSet.of(All),
            EnumSet.of(Observe, Create, Update, LateInitialize, Delete),
            EnumSet.of(Observe),
            EnumSet.noneOf(ManagementAction.class),
            EnumSet.of(Observe, Create, Update, Delete),
            EnumSet.of(Observe, Create, Update, LateInitialize),
            EnumSet.of(Observe, Create, Update),
            EnumSet.of(Observe, Create, Delete, LateInitialize),
            EnumSet.of(Observe, Create, LateInitialize),
            EnumSet.of(Observe, Create, Delete),
            EnumSet.of(Observe, Create),
            EnumSet.of(Observe, Delete),
            EnumSet.of(Observe, Update),
            EnumSet.of(Observe, LateInitialize),
            EnumSet.of(Observe, Update, LateInitialize));

    public ManagementPolicies {
        policies = policies.isEmpty() ? EnumSet.noneOf(ManagementAction.class) : EnumSet.copyOf(policies);
    }

    public static ManagementPolicies of(boolean enabled, List<ManagementAction> policies, DeletionPolicy deletion) {
        return new ManagementPolicies(enabled, Set.copyOf(policies), deletion);
    }

    /** Why the policies cannot be honoured, if they cannot; the text is crossplane's. */
    public Optional<String> invalidity() {
        if (!enabled) {
            boolean isDefault = policies.isEmpty() || policies.equals(EnumSet.of(All));
            return isDefault
                    ? Optional.empty()
                    : Optional.of(
                            "`spec.managementPolicies` is set to a non-default value but the feature is not enabled: "
                                    + names());
        }
        return SUPPORTED.contains(policies)
                ? Optional.empty()
                : Optional.of("`spec.managementPolicies` is set to a value(" + names()
                        + ") which is not supported. Check docs for supported policies");
    }

    public boolean isPaused() {
        return enabled && policies.isEmpty();
    }

    public boolean shouldOnlyObserve() {
        return enabled && policies.equals(EnumSet.of(Observe));
    }

    public boolean shouldCreate() {
        return allows(Create);
    }

    public boolean shouldUpdate() {
        return allows(Update);
    }

    public boolean shouldLateInitialize() {
        return allows(LateInitialize);
    }

    /**
     * Crossplane's rule: without the feature, the deletionPolicy decides. With it, both Delete policy
     * and a Delete (or *) action delete; a non-default policy list that names Delete deletes even with
     * deletionPolicy Orphan; everything else orphans.
     */
    public boolean shouldDelete() {
        if (!enabled) {
            return deletion != DeletionPolicy.Orphan;
        }
        if (deletion == DeletionPolicy.Delete && (policies.contains(Delete) || policies.contains(All))) {
            return true;
        }
        return !policies.equals(EnumSet.of(All)) && policies.contains(Delete);
    }

    /** The policies as users write them ("*" rather than the Java constant's name). */
    private List<String> names() {
        return policies.stream().map(p -> p == All ? "*" : p.name()).toList();
    }

    private boolean allows(ManagementAction action) {
        return !enabled || policies.contains(action) || policies.contains(All);
    }
}
