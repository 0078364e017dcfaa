package io.providerkind.testsupport.hostile;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * YAML that attacks the reader rather than configuring a cluster: recursive aliases, alias bombs, deep
 * nesting, sheer size, tags that name classes, and characters YAML text may not hold. Each case says what a
 * refusal must name, so a test can tell that the right check refused it, not an accident further on.
 * The sizes are relative to kindserver's YAML limits (1 MiB of text, 100000 values, 50 levels, 50 aliases of
 * lists and mappings), which the large cases exceed although their text fits in 1 MiB.
 */
public final class HostileYaml {

    /** What a kind config starts with, so that only the hostile part can be what is refused. */
    public static final String HEADER = "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\n";

    /**
     * @param name     what the case is, for test names
     * @param yaml     the kind config text
     * @param refusal  a part of the refusal's message that names the problem
     */
    public record Case(String name, String yaml, String refusal) {

        @Override
        public String toString() {
            return name;
        }
    }

    private HostileYaml() {}

    public static List<Case> corpus() {
        return List.of(
                new Case("recursive alias in a list", "a: &a [*a, *a, *a]\nb: [*a, *a]", "&a"),
                new Case(
                        "recursive alias in a mapping",
                        HEADER + "networking: &net\n  podSubnet: 10.244.0.0/16\n  again: *net\n",
                        "&net"),
                new Case("recursive merge key", HEADER + "base: &base\n  <<: *base\n", "&base"),
                new Case("recursive alias through another anchor", HEADER + "a: &a\n- b: &b\n  - *a\n", "&a"),
                new Case("recursive alias in a key", HEADER + "? &k [*k]\n: v\n", "&k"),
                new Case("billion laughs", HEADER + laughs(10, 9), "aliases"),
                new Case("billion laughs within the alias count", HEADER + laughs(5, 10), "100000 values"),
                new Case("alias bomb of one long string", HEADER + longStringRepeated(), "characters"),
                new Case("deep flow nesting", HEADER + "x: " + "[".repeat(200) + "]".repeat(200) + "\n", "Nesting"),
                new Case("deep block nesting", HEADER + deepBlock(200), "Nesting"),
                new Case("deep nesting through aliases", HEADER + deepThroughAliases(), "nests deeper than 50"),
                new Case("huge scalar", HEADER + "x: " + "y".repeat(1024 * 1024) + "\n", "1048576 code points"),
                new Case("many keys", HEADER + manyKeys(60_000), "100000 values"),
                new Case("many documents", HEADER + "---\n".repeat(110_000), "100000 values"),
                new Case("duplicate keys", HEADER + "kind: Cluster\n", "duplicate key kind"),
                new Case("several documents", HEADER + "---\n" + HEADER, "one YAML document"),
                new Case(
                        "python tag",
                        HEADER + "x: !!python/object/apply:os.system [\"id\"]\n",
                        "python/object/apply:os.system"),
                new Case("java.net.URL tag", HEADER + "x: !!java.net.URL [\"http://127.0.0.1/\"]\n", "java.net.URL"),
                new Case(
                        "ScriptEngineManager tag",
                        HEADER + "x: !!javax.script.ScriptEngineManager"
                                + " [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1/\"]]]]\n",
                        "javax.script.ScriptEngineManager"),
                new Case("custom tag", HEADER + "x: !foo bar\n", "!foo"),
                new Case("binary tag", HEADER + "x: !!binary aGVsbG8=\n", "!!binary"),
                new Case("unknown escape", HEADER + "x: \"\\q\"\n", "unknown escape character q"),
                new Case("short hex escape", HEADER + "x: \"\\x4\"\n", "escape sequence of 2 hexadecimal"),
                new Case("NUL character", HEADER + "x: a\0b\n", "U+0000"),
                new Case("escaped NUL", HEADER + "x: \"a\\0b\"\n", "U+0000"),
                new Case("bell character", HEADER + "x: a\u0007b\n", "U+0007"),
                new Case("half surrogate pair", HEADER + "x: a\uD800b\n", "U+D800"),
                new Case("escaped half surrogate pair", HEADER + "x: \"a\\uDC00b\"\n", "U+DC00"),
                new Case("non-character U+FFFF", HEADER + "x: a\uFFFFb\n", "U+FFFF"));
    }

    /** {@code levels} anchored lists, each holding {@code width} aliases of the one before. */
    private static String laughs(int width, int levels) {
        StringBuilder yaml = new StringBuilder("l0: &l0 [" + repeat("lol", width) + "]\n");
        for (int level = 1; level < levels; level++) {
            yaml.append("l").append(level).append(": &l").append(level).append(" [");
            yaml.append(repeat("*l" + (level - 1), width)).append("]\n");
        }
        return yaml.toString();
    }

    /** 1000 characters, 2000 times: two aliases of lists, 2 MB of text once expanded. */
    private static String longStringRepeated() {
        return "s: &s " + "z".repeat(1000) + "\nt: &t [" + repeat("*s", 1000) + "]\nu: [*t, *t]\n";
    }

    private static String deepBlock(int depth) {
        return IntStream.range(0, depth).mapToObj(i -> " ".repeat(i) + "k:\n").collect(Collectors.joining());
    }

    /** Lists 10 deep, each holding an alias of the one before: few aliases, 60 levels once expanded. */
    private static String deepThroughAliases() {
        StringBuilder yaml = new StringBuilder("d0: &d0 x\n");
        for (int i = 1; i <= 6; i++) {
            yaml.append("d").append(i).append(": &d").append(i).append(' ');
            yaml.append("[".repeat(10))
                    .append("*d")
                    .append(i - 1)
                    .append("]".repeat(10))
                    .append('\n');
        }
        return yaml.toString();
    }

    private static String manyKeys(int keys) {
        return "many:\n"
                + IntStream.range(0, keys).mapToObj(i -> "  k" + i + ": 1\n").collect(Collectors.joining());
    }

    private static String repeat(String item, int times) {
        return String.join(", ", java.util.Collections.nCopies(times, item));
    }
}
