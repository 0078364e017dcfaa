package io.providerkind.testsupport.realparts;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.opentest4j.AssertionFailedError;

/**
 * The project's one rule for a test that needs a real part of the machine (the Docker engine, kube-apiserver,
 * an image that {@code make setup} builds): when the part is missing the test is skipped on a developer's
 * machine but FAILS when {@code CI=true}, because CI must never go green by skipping what it was meant to test.
 * Every message says how to get the part with something in this repository.
 */
public final class RealParts {

    private RealParts() {}

    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * For a check that can only be made inside a test or a {@code @BeforeAll} (an image, a file the test finds).
     *
     * @param missing what is missing and how to get it, e.g. "... is missing; build it with make setup"
     */
    public static void require(boolean present, String missing) {
        if (present) {
            return;
        }
        if (inCi()) {
            throw new AssertionFailedError(failure(missing));
        }
        Assumptions.abort(skip(missing));
    }

    /** For an {@code ExecutionCondition}: enabled, disabled, or (under CI) a failure of the whole container. */
    public static ConditionEvaluationResult decide(boolean present, String found, String missing) {
        if (present) {
            return ConditionEvaluationResult.enabled(found);
        }
        if (inCi()) {
            throw new AssertionFailedError(failure(missing));
        }
        return ConditionEvaluationResult.disabled(skip(missing));
    }

    private static String failure(String missing) {
        return "CI=true, so a missing real part fails the test: " + missing;
    }

    private static String skip(String missing) {
        return "skipped, a real part is missing: " + missing;
    }
}
