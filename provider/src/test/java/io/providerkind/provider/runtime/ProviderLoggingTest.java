package io.providerkind.provider.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * provider.jar's log as an operator reads it (kubectl logs): one line per event with an ISO-8601 time and offset, the
 * level and the logger's simple name; fabric8's chatter below warnings is left out, java-operator-sdk's is kept.
 */
class ProviderLoggingTest {

    @Test
    void logsOneLinePerEventInTheProvidersFormat() {
        String out = logged(context -> {
            context.getLogger("io.providerkind.provider.ProviderMain").info("starting provider-kind");
            context.getLogger("io.fabric8.kubernetes.client.Config").info("fabric8 information");
            context.getLogger("io.fabric8.kubernetes.client.Config").warn("fabric8 warning");
            context.getLogger("io.fabric8.kubernetes.client.dsl.internal.VersionUsageUtils")
                    .warn("unstable version");
            context.getLogger("io.javaoperatorsdk.operator.Operator").info("operator starting");
            context.getLogger("io.providerkind.provider.Provider").debug("debug detail");
        });

        String[] lines = out.split("\n");
        assertEquals(3, lines.length, out);
        assertTrue(
                lines[0].matches(
                        "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) INFO  ProviderMain"
                                + " starting provider-kind"),
                lines[0]);
        assertTrue(lines[1].endsWith(" WARN  Config fabric8 warning"), lines[1]);
        assertTrue(lines[2].endsWith(" INFO  Operator operator starting"), lines[2]);
    }

    @Test
    void aConfigurationFileGivenToTheJvmIsLeftToLogback() {
        System.setProperty("logback.configurationFile", "/nowhere/logback.xml");
        try {
            assertEquals(ExecutionStatus.INVOKE_NEXT_IF_ANY, new ProviderLogging().configure(new LoggerContext()));
        } finally {
            System.clearProperty("logback.configurationFile");
        }
    }

    private static String logged(java.util.function.Consumer<LoggerContext> events) {
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        LoggerContext context = new LoggerContext();
        // what logback's SLF4J binding gives the context it makes
        context.setMDCAdapter(new LogbackMDCAdapter());
        // the console appender takes System.out when it starts
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertEquals(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, new ProviderLogging().configure(context));
            events.accept(context);
        } finally {
            System.setOut(stdout);
            context.stop();
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
