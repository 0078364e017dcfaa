package io.providerkind.kindserver.kind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClusterNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "a", "kind-1.31", "0abc", "x.y-z"})
    void acceptsNamesKindAccepts(String name) {
        assertEquals(name, new ClusterName(name).value());
    }

    @Test
    void acceptsFiftyCharactersButNotFiftyOne() {
        assertEquals(50, new ClusterName("a".repeat(50)).value().length());
        InvalidRequestException tooLong =
                assertThrows(InvalidRequestException.class, () -> new ClusterName("a".repeat(51)));
        assertTrue(tooLong.getMessage().contains("at most 50"), tooLong.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Dev", "dev_1", "dev cluster", "dev/../etc", "dév", "dev\n", "a;rm -rf"})
    void rejectsNamesOutsideKindsRule(String name) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> new ClusterName(name));
        assertTrue(e.getMessage().contains("^[a-z0-9.-]+$"), e.getMessage());
        assertTrue(e.getMessage().chars().noneMatch(Character::isISOControl), "message must not echo control chars");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-dev", ".dev", ".."})
    void rejectsNamesDockerCannotUseForContainers(String name) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> new ClusterName(name));
        assertTrue(e.getMessage().contains("start with a letter or digit"), e.getMessage());
    }

    @Test
    void rejectsEmptyAndMissingNames() {
        assertThrows(InvalidRequestException.class, () -> new ClusterName(""));
        assertThrows(InvalidRequestException.class, () -> new ClusterName(null));
    }

    @Test
    void namesTheControlPlaneNodeAsKindDoes() {
        assertEquals("dev-control-plane", new ClusterName("dev").controlPlaneNode());
    }
}
