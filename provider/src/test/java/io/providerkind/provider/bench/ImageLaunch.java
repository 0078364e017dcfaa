package io.providerkind.provider.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.providerkind.testsupport.process.JavaProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How images/provider/Dockerfile starts the provider, read from the Dockerfile itself so that the bench measures what
 * the image does: its {@code JAVA_TOOL_OPTIONS} and its entrypoint's arguments to {@code java}, the image's paths
 * mapped to the local jar's directory. A pod limited to 1 GiB is stood in for by the flags the JVM would derive from
 * that limit: {@code -XX:MaxRAM=1g} (so {@code -XX:MaxRAMPercentage} applies to 1 GiB) and the serial collector, which
 * the JVM's ergonomics choose below 1792 MiB of memory. The Dockerfile's {@code RUN ["java", ...]} steps (the
 * class-data archive's dump) are run the same way, by {@link #build}, before the first start.
 *
 * @param javaToolOptions the {@code JAVA_TOOL_OPTIONS} the process gets
 * @param jvmFlags        what follows {@code java}: the pod's equivalents, then the entrypoint's arguments
 * @param buildSteps      what follows {@code java} in each of the Dockerfile's exec-form {@code RUN} steps
 */
record ImageLaunch(String javaToolOptions, List<String> jvmFlags, List<List<String>> buildSteps) {

    static final List<String> POD_OF_1_GIB = List.of("-XX:MaxRAM=1g", "-XX:+UseSerialGC");
    private static final Pattern TOOL_OPTIONS = Pattern.compile("(?m)^ENV JAVA_TOOL_OPTIONS=\"([^\"]*)\"");
    private static final Pattern ENTRYPOINT = Pattern.compile("(?m)^ENTRYPOINT (\\[.*])");
    private static final Pattern RUN = Pattern.compile("(?m)^RUN (\\[.*])");
    private static final String IMAGE_DIR = "/opt/provider-kind/";

    ImageLaunch {
        jvmFlags = List.copyOf(jvmFlags);
        buildSteps = buildSteps.stream().map(List::copyOf).toList();
    }

    /** The Dockerfile's launch, its {@value #IMAGE_DIR} files taken from {@code jarDir}. */
    static ImageLaunch of(Path dockerfile, Path jarDir) throws IOException {
        String text = Files.readString(dockerfile);
        String options = group(TOOL_OPTIONS, text, dockerfile);
        String local = jarDir.toAbsolutePath() + "/";
        List<String> flags = new ArrayList<>(POD_OF_1_GIB);
        flags.addAll(javaArguments(group(ENTRYPOINT, text, dockerfile), local, dockerfile));
        List<List<String>> steps = new ArrayList<>();
        Matcher run = RUN.matcher(text);
        while (run.find()) {
            steps.add(javaArguments(run.group(1), local, dockerfile));
        }
        return new ImageLaunch(options.replace(IMAGE_DIR, local), flags, steps);
    }

    /** The same launch with {@code options} appended to JAVA_TOOL_OPTIONS. */
    ImageLaunch withToolOptions(String options) {
        return new ImageLaunch(javaToolOptions + " " + options, jvmFlags, buildSteps);
    }

    /** The same launch without the JAVA_TOOL_OPTIONS that start with any of {@code prefixes}. */
    ImageLaunch withoutToolOptions(String... prefixes) {
        String kept = Arrays.stream(javaToolOptions.split(" "))
                .filter(option -> Arrays.stream(prefixes).noneMatch(option::startsWith))
                .collect(Collectors.joining(" "));
        return new ImageLaunch(kept, jvmFlags, buildSteps);
    }

    /** The same JVM running {@code java -version} instead of the provider: the floor of any start. */
    ImageLaunch versionOnly() {
        List<String> flags = new ArrayList<>(POD_OF_1_GIB);
        flags.add("-version");
        return new ImageLaunch(javaToolOptions, flags, List.of());
    }

    /**
     * Runs the image build's steps with this JVM, as {@code docker build} runs them with the base image's: an
     * archive made by one JVM build is refused by every other, so each machine makes its own.
     */
    void build(Path log) throws IOException, InterruptedException {
        for (List<String> step : buildSteps) {
            JavaProcess dump = JavaProcess.start(step, Map.of(), List.of("JAVA_TOOL_OPTIONS"), log);
            int exit = dump.exitCode(Duration.ofMinutes(2));
            if (exit != 0) {
                throw new IllegalStateException("java " + step + " exited " + exit + ":\n" + dump.log());
            }
        }
    }

    /** An exec-form instruction's arguments after {@code java}, the image's paths mapped to {@code local}. */
    private static List<String> javaArguments(String json, String local, Path dockerfile) throws IOException {
        String[] command = new ObjectMapper().readValue(json, String[].class);
        if (!command[0].equals("java")) {
            throw new IllegalStateException(dockerfile + ": " + json + " does not start with java");
        }
        return Arrays.stream(command)
                .skip(1)
                .map(arg -> arg.replace(IMAGE_DIR, local))
                .toList();
    }

    private static String group(Pattern pattern, String text, Path dockerfile) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException(dockerfile + " has no line matching " + pattern);
        }
        return matcher.group(1);
    }
}
