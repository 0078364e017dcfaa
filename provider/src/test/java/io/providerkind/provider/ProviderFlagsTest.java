package io.providerkind.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The flags as an operator writes them: left out, they are the defaults the provider is built with; a jitter that could make a poll zero or negative, or
 * a state-metric interval that is no interval, is refused before anything starts (exit status 2, the reason named).
 */
class ProviderFlagsTest {

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine line = new CommandLine(new ProviderMain());
        line.setErr(new PrintWriter(err, true));
        line.setOut(new PrintWriter(new StringWriter(), true));
        return line.execute(args);
    }

    @Test
    void jitterAsLongAsThePollIsRefused() {
        assertEquals(2, run("--poll", "1m", "--poll-jitter", "1m"));
        assertTrue(
                err.toString().contains("--poll-jitter must be at least 0 and less than --poll, got PT1M"),
                err::toString);
    }

    @Test
    void zeroStateMetricIntervalIsRefused() {
        assertEquals(2, run("--poll-state-metric", "0s"));
        assertTrue(err.toString().contains("--poll-state-metric must be positive"), err::toString);
    }

    @Test
    void flagsLeftOutAreTheDefaultsTheProviderIsBuiltWith() {
        ProviderMain main = new ProviderMain();
        new CommandLine(main).parseArgs();
        ProviderSettings defaults = ProviderSettings.defaults();

        assertEquals(defaults.maxReconcileRate(), main.maxReconcileRate);
        assertEquals(defaults.poll(), main.poll);
        assertEquals(defaults.busyPoll(), main.busyPoll);
        assertEquals(defaults.sync(), main.sync);
        assertEquals(defaults.pollStateMetric(), main.pollStateMetric);
        assertEquals(defaults.managementPolicies(), main.managementPolicies);
    }

    @Test
    void helpListsTheJitterAndStateMetricFlags() {
        StringWriter out = new StringWriter();
        CommandLine line = new CommandLine(new ProviderMain());
        line.setOut(new PrintWriter(out, true));

        assertEquals(0, line.execute("--help"));
        assertTrue(out.toString().contains("--poll-jitter=<pollJitter>"), out::toString);
        assertTrue(out.toString().contains("--poll-state-metric=<pollStateMetric>"), out::toString);
    }
}
