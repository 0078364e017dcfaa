package io.providerkind.kindserver.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every kindserver test that drives "kind" drives the project's test double, so the double must keep the
 * real kind's contract (flags, messages, exit codes, container names and labels, kubeconfig contexts).
 * testing/kind-double/contract-test.sh asserts that contract on the real Docker engine; this runs it as
 * part of {@code make test} so that a change to the double cannot silently weaken every other test.
 */
class KindDoubleContractTest {

    private static final Pattern SUMMARY = Pattern.compile("(\\d+) passed, (\\d+) failed");

    @Test
    void kindDoubleKeepsKindsCliContractOnTheRealEngine() throws IOException, InterruptedException {
        Path kind = KindDouble.executable();
        Path script = kind.resolveSibling("contract-test.sh");
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
        // the double's pause per create step: no check here times a step but the one the script paces itself
        builder.environment().put(KindDouble.STEP_SECONDS, KindDouble.QUICK_STEPS);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }

        assertTrue(finished, "contract-test.sh did not finish within 5 minutes:\n" + output);
        Matcher summary = SUMMARY.matcher(output);
        assertTrue(summary.find(), "contract-test.sh printed no summary:\n" + output);
        assertEquals("0", summary.group(2), "contract checks failed:\n" + output);
        assertTrue(Integer.parseInt(summary.group(1)) > 0, "no contract check ran:\n" + output);
        assertEquals(0, process.exitValue(), output);
    }
}
