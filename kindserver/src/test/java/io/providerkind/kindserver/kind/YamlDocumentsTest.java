package io.providerkind.kindserver.kind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.providerkind.testsupport.hostile.HostileYaml;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** YAML built to attack the reader is refused before anything is built from it, saying what is wrong. */
class YamlDocumentsTest {

    /** 3 values a level: a list, its scalar, and the alias of the level before, 5 levels deep. */
    private static final String CHAIN = "a: &a [x]\nb: &b [*a, x]\nc: &c [*b, x]\nd: &d [*c, x]\ne: [*d, x]\n";

    static Stream<HostileYaml.Case> corpus() {
        return HostileYaml.corpus().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void refusesHostileYamlWithAMessageNamingTheProblem(HostileYaml.Case hostile) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> KindConfig.parse(hostile.yaml()));

        assertTrue(e.getMessage().startsWith("kindConfig"), e.getMessage());
        assertTrue(e.getMessage().contains(hostile.refusal()), hostile + ": " + e.getMessage());
        assertTrue(e.getMessage().length() < 400, "one short line, not the input: " + e.getMessage());
    }

    @Test
    void countsValuesOnceAliasesAreExpanded() {
        // the root mapping, 5 keys, and the lists a to e with what they hold: 2 + 4 + 6 + 8 + 10
        assertEquals(1, YamlDocuments.load(CHAIN, limits(36, 1000, 50)).size());
        InvalidRequestException e =
                assertThrows(InvalidRequestException.class, () -> YamlDocuments.load(CHAIN, limits(35, 1000, 50)));
        assertTrue(e.getMessage().contains("more than 35 values once its aliases are expanded"), e.getMessage());
    }

    @Test
    void countsDepthOnceAliasesAreExpanded() {
        // the root mapping holds e holds d holds c holds b holds a holds x: 7 levels, although the text nests 2
        assertEquals(1, YamlDocuments.load(CHAIN, limits(1000, 1000, 7)).size());
        InvalidRequestException e =
                assertThrows(InvalidRequestException.class, () -> YamlDocuments.load(CHAIN, limits(1000, 1000, 6)));
        assertTrue(e.getMessage().contains("nests deeper than 6 levels"), e.getMessage());
    }

    @Test
    void countsCharactersOfEveryDocumentTogether() {
        // 70 characters of text; each document's scalars hold 42 once *x is expanded
        String document = "a: &x 1234567890\nb: [*x, *x, *x]\n";
        String twoDocuments = document + "---\n" + document;
        assertEquals(2, YamlDocuments.load(twoDocuments, limits(1000, 84, 50)).size());
        InvalidRequestException e = assertThrows(
                InvalidRequestException.class, () -> YamlDocuments.load(twoDocuments, limits(1000, 83, 50)));
        assertTrue(e.getMessage().contains("more than 83 characters"), e.getMessage());
    }

    @Test
    void readsAnchorsAliasesAndMergeKeysAsKindDoes() {
        Map<?, ?> config =
                (Map<?, ?>) YamlDocuments.load(HostileYaml.HEADER + """
                        common: &common
                          image: kindest/node:v1.31.0
                          labels: {tier: a}
                        nodes:
                        - <<: *common
                          role: control-plane
                        - <<: [*common]
                          role: worker
                          image: kindest/node:v1.30.4
                        """).get(0);

        List<?> nodes = (List<?>) config.get("nodes");
        assertEquals(
                Map.of("image", "kindest/node:v1.31.0", "labels", Map.of("tier", "a"), "role", "control-plane"),
                nodes.get(0));
        assertEquals(
                Map.of("image", "kindest/node:v1.30.4", "labels", Map.of("tier", "a"), "role", "worker"),
                nodes.get(1),
                "a key of the mapping itself wins over a merged one");
    }

    @Test
    void acceptsWhatKindAcceptsAroundTheOneDocument() {
        for (String yaml : List.of(
                "---\n" + HostileYaml.HEADER + "...\n",
                "# a comment\n---\n" + HostileYaml.HEADER + "---\n",
                HostileYaml.HEADER + "name: !!str 42\nport: !!int \"7\"\n")) {
            assertEquals(6, KindConfig.parse(yaml).expectedSteps(), yaml);
        }
    }

    private static YamlLimits limits(int values, int characters, int depth) {
        return new YamlLimits(characters, values, depth, 50);
    }
}
