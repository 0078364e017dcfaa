package io.providerkind.provider.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How images/provider/Dockerfile starts the provider, read from the Dockerfile itself so that the bench measures what
 * the image does: its {@code JAVA_TOOL_OPTIONS} and its entrypoint's arguments to {@code java}, the image's paths
 * mapped to the local jar's directory. A pod limited to 1 GiB is stood in for by the flags the JVM would derive from
 * that limit: {@code -XX:MaxRAM=1g} (so {@code -XX:MaxRAMPercentage} applies to 1 GiB) and the serial collector, which
 * the JVM's ergonomics choose below 1792 MiB of memory.
 *
 * @param javaToolOptions the {@code JAVA_TOOL_OPTIONS} the process gets
 * @param jvmFlags        what follows {@code java}: the pod's equivalents, then the entrypoint's arguments
 */
record ImageLaunch(String javaToolOptions, List<String> jvmFlags) {

    static final List<String> POD_OF_1_GIB = List.of("-XX:MaxRAM=1g", "-XX:+UseSerialGC");
    private static final Pattern TOOL_OPTIONS = Pattern.compile("(?m)^ENV JAVA_TOOL_OPTIONS=\"([^\"]*)\"");
    private static final Pattern ENTRYPOINT = Pattern.compile("(?m)^ENTRYPOINT (\\[.*])");
    private static final String IMAGE_DIR = "/opt/provider-kind/";

    ImageLaunch {
        jvmFlags = List.copyOf(jvmFlags);
    }

    /** The Dockerfile's launch, its {@value #IMAGE_DIR} files taken from {@code jarDir}. */
    static ImageLaunch of(Path dockerfile, Path jarDir) throws IOException {
        String text = Files.readString(dockerfile);
        String options = group(TOOL_OPTIONS, text, dockerfile);
        String[] entrypoint = new ObjectMapper().readValue(group(ENTRYPOINT, text, dockerfile), String[].class);
        if (!entrypoint[0].equals("java")) {
            throw new IllegalStateException(dockerfile + ": the entrypoint does not start with java");
        }
        List<String> flags = new ArrayList<>(POD_OF_1_GIB);
        Arrays.stream(entrypoint)
                .skip(1)
                .map(arg -> arg.replace(IMAGE_DIR, jarDir.toAbsolutePath() + "/"))
                .forEach(flags::add);
        return new ImageLaunch(options.replace(IMAGE_DIR, jarDir.toAbsolutePath() + "/"), flags);
    }

    /** The same launch with {@code options} appended to JAVA_TOOL_OPTIONS. */
    ImageLaunch withToolOptions(String options) {
        return new ImageLaunch(javaToolOptions + " " + options, jvmFlags);
    }

    /** The same JVM running {@code java -version} instead of the provider: the floor of any start. */
    ImageLaunch versionOnly() {
        List<String> flags = new ArrayList<>(POD_OF_1_GIB);
        flags.add("-version");
        return new ImageLaunch(javaToolOptions, flags);
    }

    private static String group(Pattern pattern, String text, Path dockerfile) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException(dockerfile + " has no line matching " + pattern);
        }
        return matcher.group(1);
    }
}
