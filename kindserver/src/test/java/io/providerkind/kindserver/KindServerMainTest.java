package io.providerkind.kindserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.providerkind.kindserver.config.EnvironmentDefaults;
import io.providerkind.kindserver.config.KindServerSettings;
import io.providerkind.kindserver.config.ListenAddress;
import io.providerkind.kindserver.net.PortRange;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The command line as operators script against it (docs/design.md, "How the two programs start"). */
class KindServerMainTest {

    @TempDir
    Path dir;

    /** One run of the command with a launcher that only records what it was asked to start. */
    private record Run(int exitCode, String out, String err, KindServerSettings settings) {}

    private Run run(Map<String, String> environment, String... args) {
        KindServerSettings[] launched = new KindServerSettings[1];
        KindServerMain main = new KindServerMain(environment, settings -> {
            launched[0] = settings;
            return () -> {};
        });
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString(), launched[0]);
    }

    /** Long enough to be accepted; tests of what happens to a password use it. */
    private static final String GOOD = "0123456789abcdef0123456789abcdef";

    private static Map<String, String> password() {
        return Map.of("KINDSERVER_PASSWORD", GOOD);
    }

    @Test
    void helpListsEveryFlagAndTheEnvironmentRule() {
        Run run = run(Map.of(), "--help");

        assertEquals(0, run.exitCode());
        for (String flag : List.of(
                "--listen",
                "--password-file",
                "--tls-cert",
                "--tls-key",
                "--state-dir",
                "--kind",
                "--advertise-address",
                "--api-port-range",
                "--max-parallel-creates",
                "--max-body-bytes",
                "--docker-timeout",
                "--shutdown-grace",
                "--debug")) {
            assertTrue(run.out().contains(flag), flag + " missing from --help:\n" + run.out());
        }
        assertTrue(run.out().contains("KINDSERVER_<FLAG>") && run.out().contains("KINDSERVER_PASSWORD"), run.out());
        assertTrue(
                run.out().contains("default: 0.0.0.0:7443") && run.out().contains("default: 36443-36999"), run.out());
        assertNull(run.settings());
    }

    @Test
    void refusesToStartWithoutAPasswordAndSaysHowToGiveOne() {
        Run run = run(Map.of());

        assertEquals(2, run.exitCode());
        assertTrue(
                run.err().contains("no password")
                        && run.err().contains("KINDSERVER_PASSWORD")
                        && run.err().contains("--password-file"),
                run.err());
        assertNull(run.settings(), "nothing was started");
    }

    @ParameterizedTest
    @ValueSource(strings = {"KINDSERVER_PASSWORD", "--password-file"})
    void refusesAPasswordShorterThan16CharactersWithOneLineSayingHowToMakeAGoodOne(String source) throws IOException {
        String fifteen = "0123456789abcde";
        Run run = source.startsWith("--")
                ? run(
                        Map.of(),
                        source,
                        Files.writeString(dir.resolve("short"), fifteen + "\n").toString())
                : run(Map.of(source, fifteen));

        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(
                run.err().contains("shorter than 16 characters") && run.err().contains("openssl rand -hex 16"),
                run.err());
        assertFalse(run.err().contains(fifteen), "the password is never printed");
        assertNull(run.settings(), "nothing was started");
        Run sixteen = run(Map.of("KINDSERVER_PASSWORD", fifteen + "f", "XDG_STATE_HOME", dir.toString()));
        assertEquals(0, sixteen.exitCode(), "16 characters are enough: " + sixteen.err());
    }

    @Test
    void usesTheDesignsDefaults() {
        KindServerSettings settings = run(Map.of("KINDSERVER_PASSWORD", GOOD, "XDG_STATE_HOME", dir.toString()))
                .settings();

        assertEquals(new ListenAddress("0.0.0.0", 7443), settings.listen());
        assertEquals(new PortRange(36443, 36999), settings.apiPortRange());
        assertEquals("kind", settings.kindBinary());
        assertEquals(dir.resolve("kindserver"), settings.stateDir());
        assertEquals(Optional.empty(), settings.tlsFiles());
        assertEquals(Optional.empty(), settings.advertiseAddress());
        assertEquals(Duration.ofSeconds(15), settings.dockerTimeout());
        assertEquals(Duration.ofSeconds(30), settings.shutdownGrace());
        assertTrue(settings.password().matches(GOOD));
    }

    @Test
    void dropsOneTrailingNewlineFromThePasswordFile() throws IOException {
        Path file = Files.writeString(dir.resolve("password"), GOOD + "\n");
        Path windows = Files.writeString(dir.resolve("password-crlf"), GOOD + "\r\n");

        assertTrue(run(Map.of(), "--password-file", file.toString())
                .settings()
                .password()
                .matches(GOOD));
        assertTrue(run(Map.of(), "--password-file", windows.toString())
                .settings()
                .password()
                .matches(GOOD));
    }

    @Test
    void refusesAPasswordFileWithMoreThanOneTrailingNewline() throws IOException {
        Path file = Files.writeString(dir.resolve("password"), GOOD + "\n\n");

        Run run = run(Map.of(), "--password-file", file.toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("line break"), run.err());
        assertFalse(run.err().contains(GOOD), "the password is never printed");
    }

    @Test
    void refusesAMissingPasswordFileNamingIt() {
        Run run = run(Map.of(), "--password-file", dir.resolve("absent").toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--password-file") && run.err().contains("absent"), run.err());
    }

    @Test
    void refusesThePasswordGivenTwoWays() throws IOException {
        Path file = Files.writeString(dir.resolve("password"), "a");

        Run run = run(password(), "--password-file", file.toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("given twice"), run.err());
    }

    @Test
    void refusesATlsCertificateWithoutItsKey() {
        Run run = run(password(), "--tls-cert", dir.resolve("tls.crt").toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--tls-cert and --tls-key go together"), run.err());
    }

    @Test
    void explainsAMalformedFlagValue() {
        Run listen = run(password(), "--listen", "7443");
        Run range = run(password(), "--api-port-range", "36999-36443");

        assertEquals(2, listen.exitCode());
        assertTrue(listen.err().contains("must look like 0.0.0.0:7443"), listen.err());
        assertEquals(2, range.exitCode());
        assertTrue(range.err().contains("FIRST <= LAST"), range.err());
    }

    @Test
    void refusesADockerTimeoutUnderASecondAndANegativeShutdownGrace() {
        Run zero = run(password(), "--docker-timeout", "0");
        Run negative = run(password(), "--shutdown-grace", "-1");

        assertEquals(2, zero.exitCode());
        assertTrue(zero.err().contains("--docker-timeout must be at least 1 second"), zero.err());
        assertEquals(2, negative.exitCode());
        assertTrue(negative.err().contains("--shutdown-grace must not be negative"), negative.err());
    }

    /** A valid value for every flag, and how to read it back from the settings. */
    private static final Map<String, Map.Entry<String, Function<KindServerSettings, Object>>> SAMPLES = Map.ofEntries(
            sample("--listen", "127.0.0.1:9443", s -> s.listen().toString()),
            sample(
                    "--tls-cert",
                    "/etc/kindserver/tls.crt",
                    s -> s.tlsFiles().orElseThrow().certificate().toString()),
            sample(
                    "--tls-key",
                    "/etc/kindserver/tls.key",
                    s -> s.tlsFiles().orElseThrow().key().toString()),
            sample("--state-dir", "/var/lib/kindserver", s -> s.stateDir().toString()),
            sample("--kind", "/usr/local/bin/kind", KindServerSettings::kindBinary),
            sample("--advertise-address", "127.0.0.7", s -> s.advertiseAddress().orElseThrow()),
            sample("--api-port-range", "40000-40100", s -> s.apiPortRange().toString()),
            sample("--max-parallel-creates", "5", s -> Integer.toString(s.maxParallelCreates())),
            sample("--max-body-bytes", "2048", s -> Long.toString(s.maxBodyBytes())),
            sample("--docker-timeout", "4", s -> Long.toString(s.dockerTimeout().toSeconds())),
            sample("--shutdown-grace", "7", s -> Long.toString(s.shutdownGrace().toSeconds())),
            sample("--debug", "true", s -> Boolean.toString(s.debug())),
            sample(
                    "--registry",
                    "127.0.0.1:5001",
                    s -> s.registry().orElseThrow().hostAddress()),
            sample(
                    "--registry-image",
                    "mirror.example/registry:2.8",
                    s -> s.registry().orElseThrow().image()),
            sample(
                    "--registry-container",
                    "team-registry",
                    s -> s.registry().orElseThrow().containerName()));

    private static Map.Entry<String, Map.Entry<String, Function<KindServerSettings, Object>>> sample(
            String flag, String value, Function<KindServerSettings, Object> readBack) {
        return Map.entry(flag, Map.entry(value, readBack));
    }

    @Test
    void runsNoRegistryUnlessAskedAndExplainsABadRegistryFlag() {
        assertTrue(run(password()).settings().registry().isEmpty(), "--registry is opt-in");
        KindServerSettings defaults =
                run(password(), "--registry", "127.0.0.1:5001").settings();
        assertEquals("registry:2", defaults.registry().orElseThrow().image(), "kind's recipe's image");
        assertEquals(
                "kindserver-registry:5000", defaults.registry().orElseThrow().clusterAddress());

        Run noPort = run(password(), "--registry", "127.0.0.1");
        Run wildcard = run(password(), "--registry", "0.0.0.0:5001");
        Run name = run(password(), "--registry", "localhost:5001");
        Run image = run(password(), "--registry", "127.0.0.1:5001", "--registry-image", "Registry:2");

        assertEquals(2, noPort.exitCode());
        assertTrue(noPort.err().contains("--registry must look like 127.0.0.1:5001"), noPort.err());
        assertEquals(2, wildcard.exitCode());
        assertTrue(wildcard.err().contains("not a wildcard"), wildcard.err());
        assertEquals(2, name.exitCode(), "Docker publishes ports on IP addresses only");
        assertTrue(name.err().contains("needs an IP address"), name.err());
        assertEquals(2, image.exitCode());
        assertTrue(
                image.err().contains("--registry-image: \"Registry:2\" is not a valid image reference"), image.err());
    }

    @Test
    void everyFlagIsAlsoItsEnvironmentVariable() throws IOException {
        Path passwordFile = Files.writeString(dir.resolve("pw"), "from-file-" + GOOD);
        Set<String> flags = new KindServerMain(Map.of(), s -> () -> {})
                .commandLine().getCommandSpec().options().stream()
                        .filter(o -> !o.usageHelp() && !o.versionHelp())
                        .map(OptionSpec::longestName)
                        .collect(Collectors.toSet());
        flags.remove("--password-file");
        assertEquals(SAMPLES.keySet(), flags, "every flag has a sample here");

        Map<String, String> environment = new HashMap<>();
        SAMPLES.forEach((flag, sample) -> environment.put(EnvironmentDefaults.variableFor(flag), sample.getKey()));
        environment.put("KINDSERVER_PASSWORD_FILE", passwordFile.toString());
        KindServerSettings settings = run(environment).settings();

        SAMPLES.forEach((flag, sample) -> assertEquals(
                sample.getKey(), sample.getValue().apply(settings), EnvironmentDefaults.variableFor(flag)));
        assertTrue(settings.password().matches("from-file-" + GOOD), "KINDSERVER_PASSWORD_FILE");
    }

    @Test
    void aFlagWinsOverItsEnvironmentVariable() {
        Map<String, String> environment = new HashMap<>(password());
        environment.put("KINDSERVER_LISTEN", "127.0.0.1:1111");
        environment.put("KINDSERVER_KIND", "");

        KindServerSettings settings =
                run(environment, "--listen", "127.0.0.1:2222").settings();

        assertEquals(2222, settings.listen().port());
        assertEquals("kind", settings.kindBinary(), "an empty variable counts as unset");
    }
}
