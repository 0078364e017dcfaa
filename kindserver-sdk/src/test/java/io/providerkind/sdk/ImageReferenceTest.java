package io.providerkind.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The image names kindserver and its clients accept for a preload: docker's reference grammar, no more, no less. */
class ImageReferenceTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "nginx",
                "nginx:1.27",
                "library/nginx:latest",
                "127.0.0.1:5001/app:1",
                "localhost:5001/team/app",
                "registry.example/app:1.2",
                "registry.example:443/a/b/c:v1.2.3-rc_1",
                "my_app__x.y-z/sub---part",
                "[::1]:5001/app:dev",
                "Registry.Example/app",
                "app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                "app:1@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
            })
    void acceptsWhatDockerAccepts(String reference) {
        assertEquals(Optional.empty(), ImageReference.problem(reference));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "App:1",
                "team/App",
                "app:",
                ":1",
                "app:-1",
                "app:1:2",
                "app@sha256:short",
                "/app",
                "app/",
                "a//b",
                "app name",
                "app;rm -rf /",
                "-app",
                "app_",
                "http://registry.example/app"
            })
    void refusesWhatDockerRefusesSayingWhatTheGrammarIs(String reference) {
        String problem = ImageReference.problem(reference).orElseThrow();
        assertTrue(problem.contains("e.g. registry.example/app:1.2"), problem);
    }

    @Test
    void saysARepositoryNameMustBeLowercase() {
        assertTrue(
                ImageReference.problem("Team/App:1").orElseThrow().contains("must be lowercase"),
                "the mistake users make most is named");
    }

    @Test
    void refusesANameLongerThanDockerAllowsButNotALongTag() {
        String name = "a".repeat(ImageReference.MAX_NAME_LENGTH);
        assertEquals(Optional.empty(), ImageReference.problem(name + ":" + "t".repeat(128)));
        assertTrue(ImageReference.problem(name + "b").orElseThrow().contains("longer than 255"));
        assertTrue(ImageReference.problem("app:" + "t".repeat(129)).isPresent(), "a tag has at most 128 characters");
    }

    @Test
    void aRequestNeedsOneToFiftyValidImages() {
        assertTrue(new LoadImagesRequest(List.of()).problem().orElseThrow().contains("images is empty"));
        assertTrue(new LoadImagesRequest(null).problem().isPresent());
        List<String> many = IntStream.rangeClosed(1, LoadImagesRequest.MAX_IMAGES + 1)
                .mapToObj(i -> "app:" + i)
                .toList();
        assertEquals(Optional.empty(), new LoadImagesRequest(many.subList(0, 50)).problem());
        assertTrue(new LoadImagesRequest(many).problem().orElseThrow().contains("at most 50"));
        assertTrue(new LoadImagesRequest(List.of("app:1", "Bad"))
                .problem()
                .orElseThrow()
                .contains("\"Bad\""));
        List<String> withNull = new ArrayList<>(Arrays.asList("app:1", null));
        assertTrue(new LoadImagesRequest(withNull).problem().orElseThrow().contains("empty"));
        assertEquals(Optional.empty(), new LoadImagesRequest(Collections.nCopies(2, "app:1")).problem());
    }
}
