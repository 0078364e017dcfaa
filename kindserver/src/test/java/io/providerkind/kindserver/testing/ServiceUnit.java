package io.providerkind.kindserver.testing;

import io.providerkind.testsupport.RepositoryRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * kindserver/deploy/kindserver.service, the systemd unit operators install: the JVM options its {@code ExecStart}
 * gives {@code java}, so that a benchmark measures kindserver as the unit runs it (heap and collector included)
 * rather than as a bare {@code java} on a large machine would.
 */
public final class ServiceUnit {

    private static final String EXEC_START = "ExecStart=";

    private ServiceUnit() {}

    /** The words of {@code ExecStart} between the java binary and {@code -jar}. */
    public static List<String> jvmOptions() {
        return jvmOptions(RepositoryRoot.locate().resolve("kindserver/deploy/kindserver.service"));
    }

    static List<String> jvmOptions(Path unit) {
        List<String> lines;
        try {
            lines = Files.readAllLines(unit);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> starts =
                lines.stream().filter(line -> line.startsWith(EXEC_START)).toList();
        if (starts.size() != 1) {
            throw new IllegalStateException(unit + " has " + starts.size() + " ExecStart lines, not one");
        }
        // the unit's line has no quoting, which systemd would otherwise resolve
        List<String> words = Arrays.asList(
                starts.get(0).substring(EXEC_START.length()).trim().split("\\s+"));
        int jar = words.indexOf("-jar");
        if (jar < 1 || !words.get(0).endsWith("/java")) {
            throw new IllegalStateException(unit + ": ExecStart is not `java [options] -jar kindserver.jar`");
        }
        return List.copyOf(words.subList(1, jar));
    }
}
