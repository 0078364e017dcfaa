package io.providerkind.kindserver.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceUnitTest {

    @Test
    void theShippedUnitBoundsTheHeapAndExitsOnOutOfMemory() {
        List<String> options = ServiceUnit.jvmOptions();

        assertTrue(options.contains("-XX:+ExitOnOutOfMemoryError"), options::toString);
        assertTrue(options.stream().anyMatch(o -> o.startsWith("-Xmx")), options::toString);
    }

    @Test
    void optionsAreTheWordsBetweenJavaAndJar(@TempDir Path dir) throws Exception {
        Path unit = Files.writeString(
                dir.resolve("u.service"), "[Service]\nExecStart=/usr/bin/java -Xmx1g  -Dx=y -jar /opt/k.jar --flag\n");

        assertEquals(List.of("-Xmx1g", "-Dx=y"), ServiceUnit.jvmOptions(unit));
    }

    @Test
    void aUnitThatDoesNotStartJavaIsRefused(@TempDir Path dir) throws Exception {
        Path unit = Files.writeString(dir.resolve("u.service"), "ExecStart=/opt/kindserver\n");

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> ServiceUnit.jvmOptions(unit));
        assertTrue(refused.getMessage().contains("not `java [options]"), refused.getMessage());
    }
}
