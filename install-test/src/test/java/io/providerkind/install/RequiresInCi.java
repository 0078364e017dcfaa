package io.providerkind.install;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The project's rule for tests that need a real part of the machine (an API server, Docker): in CI
 * (CI=true) a missing part fails the test, elsewhere it skips it, and both say how to get it.
 */
public final class RequiresInCi {

    private RequiresInCi() {
    }

    public static void require(boolean present, String whatIsMissing) {
        if (present) {
            return;
        }
        String message = whatIsMissing + " (install it with `make setup`)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(message);
        }
        Assumptions.abort(message);
    }
}
