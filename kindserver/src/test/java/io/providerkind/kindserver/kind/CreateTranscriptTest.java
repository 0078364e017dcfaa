package io.providerkind.kindserver.kind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.providerkind.sdk.Progress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CreateTranscriptTest {

    private final List<Progress> seen = new ArrayList<>();
    private final List<Boolean> done = new ArrayList<>();
    private final CreateTranscript transcript = new CreateTranscript(3, (progress, allDone) -> {
        seen.add(progress);
        done.add(allDone);
    });

    @Test
    void countsStepsAsKindStartsThem() {
        feed(
                "Creating cluster \"dev\" ...",
                " • Ensuring node image (kindest/node:v1.31.0) 🖼  ...",
                " ✓ Ensuring node image (kindest/node:v1.31.0) 🖼",
                " • Preparing nodes 📦  ...");

        assertEquals(new Progress(1, 3, "Ensuring node image (kindest/node:v1.31.0)"), seen.get(0));
        assertEquals(new Progress(2, 3, "Preparing nodes"), seen.get(2));
        assertEquals(new Progress(2, 3, "Preparing nodes"), transcript.progress());
    }

    @Test
    void saysAllStepsAreDoneOnlyWhenTheLastEnds() {
        feed(" • a  ...", " ✓ a", " • b  ...", " ✓ b", " • c  ...");
        assertFalse(done.contains(true));
        feed(" ✓ c");
        assertTrue(done.get(done.size() - 1));
    }

    @Test
    void growsTheTotalWhenKindPrintsMoreStepsThanExpected() {
        feed(" • a  ...", " • b  ...", " • c  ...", " • d  ...");
        assertEquals(new Progress(4, 4, "d"), transcript.progress());
    }

    @Test
    void failureMessageIsKindsErrorTextWithoutStackTrace() {
        feed(
                " • Preparing nodes 📦  ...",
                " ✗ Preparing nodes 📦",
                "ERROR: failed to create cluster: command \"docker run ...\" failed with error: exit status 125",
                "Command Output: Unable to find image 'kindest/node:v9.9.9' locally",
                "Stack Trace:",
                "sigs.k8s.io/kind/pkg/errors.WithStack",
                "\t/src/errors.go:59");

        assertEquals(
                "ERROR: failed to create cluster: command \"docker run ...\" failed with error: exit status 125\n"
                        + "Command Output: Unable to find image 'kindest/node:v9.9.9' locally",
                transcript.failureMessage(1));
    }

    @Test
    void failureWithoutErrorLineNamesTheStepAndExitCode() {
        feed(" • Writing configuration 📜  ...", " ✗ Writing configuration 📜", "something odd");
        String message = transcript.failureMessage(2);
        assertTrue(
                message.startsWith("kind create cluster exited with code 2 at step 'Writing configuration'"), message);
        assertTrue(message.contains("something odd"), message);
    }

    private void feed(String... lines) {
        for (String line : lines) {
            transcript.accept(line);
        }
    }
}
