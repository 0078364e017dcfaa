package io.providerkind.provider.managed;

import static io.providerkind.provider.api.ManagementAction.All;
import static io.providerkind.provider.api.ManagementAction.Create;
import static io.providerkind.provider.api.ManagementAction.Delete;
import static io.providerkind.provider.api.ManagementAction.LateInitialize;
import static io.providerkind.provider.api.ManagementAction.Observe;
import static io.providerkind.provider.api.ManagementAction.Update;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.providerkind.provider.api.DeletionPolicy;
import io.providerkind.provider.api.ManagementAction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Crossplane's management-policy rules, row by row. */
class ManagementPoliciesTest {

    @ParameterizedTest(
            name =
                    "{0} with deletionPolicy {1}: create={2} update={3} lateInit={4} delete={5} paused={6} observeOnly={7}")
    @CsvSource({
        "*,                                     Delete, true,  true,  true,  true,  false, false",
        "*,                                     Orphan, true,  true,  true,  false, false, false",
        "Observe,                               Delete, false, false, false, false, false, true",
        "'',                                    Delete, false, false, false, false, true,  false",
        "Observe Create Update LateInitialize,  Delete, true,  true,  true,  false, false, false",
        "Observe Create Update Delete,          Orphan, true,  true,  false, true,  false, false",
        "Observe Create Delete,                 Delete, true,  false, false, true,  false, false",
        "Observe Delete,                        Delete, false, false, false, true,  false, false",
        "Observe Delete,                        Orphan, false, false, false, true,  false, false",
        "Observe Update,                        Delete, false, true,  false, false, false, false",
        "Observe LateInitialize,                Delete, false, false, true,  false, false, false",
        "Observe Update LateInitialize,         Delete, false, true,  true,  false, false, false",
    })
    void decidesLikeCrossplane(
            String policies,
            DeletionPolicy deletion,
            boolean create,
            boolean update,
            boolean lateInitialize,
            boolean delete,
            boolean paused,
            boolean observeOnly) {
        ManagementPolicies policy = ManagementPolicies.of(true, parse(policies), deletion);

        assertEquals(create, policy.shouldCreate(), "create");
        assertEquals(update, policy.shouldUpdate(), "update");
        assertEquals(lateInitialize, policy.shouldLateInitialize(), "late initialize");
        assertEquals(delete, policy.shouldDelete(), "delete");
        assertEquals(paused, policy.isPaused(), "paused");
        assertEquals(observeOnly, policy.shouldOnlyObserve(), "observe only");
        assertEquals(true, policy.invalidity().isEmpty(), "supported");
    }

    @ParameterizedTest
    @CsvSource({"Update", "Delete", "Create", "Create Delete", "Update Delete", "Observe Update Delete", "* Observe"})
    void unsupportedCombinationsAreInvalid(String policies) {
        assertEquals(
                true,
                ManagementPolicies.of(true, parse(policies), DeletionPolicy.Delete)
                        .invalidity()
                        .isPresent());
    }

    /** crossplane-runtime's defaultSupportedManagementPolicies, and no other set of the 64 there are. */
    @Test
    void exactlyCrossplanesFifteenSetsAreSupported() {
        Set<Set<ManagementAction>> crossplanes = Set.of(
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

        Set<Set<ManagementAction>> supported = new HashSet<>();
        for (Set<ManagementAction> policies : allSets()) {
            if (ManagementPolicies.of(true, List.copyOf(policies), DeletionPolicy.Delete)
                    .invalidity()
                    .isEmpty()) {
                supported.add(policies);
            }
        }

        assertEquals(crossplanes, supported);
    }

    @ParameterizedTest
    @CsvSource({"*, Delete, true", "*, Orphan, false"})
    void withoutTheFeatureOnlyTheDeletionPolicyCounts(String policies, DeletionPolicy deletion, boolean delete) {
        ManagementPolicies policy = ManagementPolicies.of(false, parse(policies), deletion);

        assertEquals(delete, policy.shouldDelete());
        assertEquals(true, policy.shouldCreate());
        assertEquals(false, policy.isPaused());
    }

    /** Every subset of the six actions ("*" included). */
    private static List<Set<ManagementAction>> allSets() {
        ManagementAction[] actions = ManagementAction.values();
        List<Set<ManagementAction>> sets = new ArrayList<>();
        for (int bits = 0; bits < 1 << actions.length; bits++) {
            Set<ManagementAction> set = EnumSet.noneOf(ManagementAction.class);
            for (int i = 0; i < actions.length; i++) {
                if ((bits & 1 << i) != 0) {
                    set.add(actions[i]);
                }
            }
            sets.add(set);
        }
        return sets;
    }

    private static List<ManagementAction> parse(String text) {
        return Arrays.stream(text.trim().split("\\s+"))
                .filter(s -> !s.isEmpty())
                .map(s -> s.equals("*") ? ManagementAction.All : ManagementAction.valueOf(s))
                .toList();
    }
}
