package io.providerkind.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/** What the provider logs when it cannot start: the reasons, outermost first, each once, on one line. */
class StartFailuresTest {

    @Test
    void causesAreJoinedOnOneLineEachOnce() {
        IOException cause = new IOException("connect timed out\n  to 10.0.0.1:6443");
        RuntimeException failure = new UncheckedIOException("cannot list KindClusters", cause);
        RuntimeException wrapped = new IllegalStateException(cause.toString(), cause);

        assertEquals("cannot list KindClusters: connect timed out to 10.0.0.1:6443", StartFailures.oneLine(failure));
        assertEquals("java.io.IOException: connect timed out to 10.0.0.1:6443", StartFailures.oneLine(wrapped));
    }
}
