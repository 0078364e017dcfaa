package io.providerkind.provider.managed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.providerkind.provider.api.DeletionPolicy;
import io.providerkind.provider.api.ManagementAction;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Crossplane's management-policy rules, row by row. */
class ManagementPoliciesTest {

    @ParameterizedTest(
            name = "{0} with deletionPolicy {1}: create={2} update={3} delete={4} paused={5} observeOnly={6}")
    @CsvSource({
        "*,                                     Delete, true,  true,  true,  false, false",
        "*,                                     Orphan, true,  true,  false, false, false",
        "Observe,                               Delete, false, false, false, false, true",
        "'',                                    Delete, false, false, false, true,  false",
        "Observe Create Update LateInitialize,  Delete, true,  true,  false, false, false",
        "Observe Create Update Delete,          Orphan, true,  true,  true,  false, false",
        "Observe Create Delete,                 Delete, true,  false, true,  false, false",
    })
    void decidesLikeCrossplane(
            String policies,
            DeletionPolicy deletion,
            boolean create,
            boolean update,
            boolean delete,
            boolean paused,
            boolean observeOnly) {
        ManagementPolicies policy = ManagementPolicies.of(true, parse(policies), deletion);

        assertEquals(create, policy.shouldCreate(), "create");
        assertEquals(update, policy.shouldUpdate(), "update");
        assertEquals(delete, policy.shouldDelete(), "delete");
        assertEquals(paused, policy.isPaused(), "paused");
        assertEquals(observeOnly, policy.shouldOnlyObserve(), "observe only");
        assertEquals(true, policy.invalidity().isEmpty(), "supported");
    }

    @ParameterizedTest
    @CsvSource({"Update", "Delete", "Create", "Observe Update"})
    void unsupportedCombinationsAreInvalid(String policies) {
        assertEquals(
                true,
                ManagementPolicies.of(true, parse(policies), DeletionPolicy.Delete)
                        .invalidity()
                        .isPresent());
    }

    @ParameterizedTest
    @CsvSource({"*, Delete, true", "*, Orphan, false"})
    void withoutTheFeatureOnlyTheDeletionPolicyCounts(String policies, DeletionPolicy deletion, boolean delete) {
        ManagementPolicies policy = ManagementPolicies.of(false, parse(policies), deletion);

        assertEquals(delete, policy.shouldDelete());
        assertEquals(true, policy.shouldCreate());
        assertEquals(false, policy.isPaused());
    }

    private static List<ManagementAction> parse(String text) {
        return Arrays.stream(text.trim().split("\\s+"))
                .filter(s -> !s.isEmpty())
                .map(s -> s.equals("*") ? ManagementAction.All : ManagementAction.valueOf(s))
                .toList();
    }
}
