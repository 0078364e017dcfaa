package io.providerkind.provider.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class GoDurationTest {

    @ParameterizedTest
    @CsvSource({"1m, PT1M", "30s, PT30S", "500ms, PT0.5S", "1h30m, PT1H30M", "PT2M, PT2M", "1.5s, PT1.5S"})
    void readsDurationsAsCrossplaneFlagsWriteThem(String text, Duration expected) {
        assertEquals(expected, GoDuration.parse(text));
    }

    @Test
    void rejectsWhatIsNoDurationWithAHint() {
        CommandLine.TypeConversionException e =
                assertThrows(CommandLine.TypeConversionException.class, () -> GoDuration.parse("ten minutes"));
        assertEquals("'ten minutes' is not a duration; write e.g. 1m, 30s, 500ms or 1h30m", e.getMessage());
        assertThrows(CommandLine.TypeConversionException.class, () -> GoDuration.parse("5"));
    }
}
