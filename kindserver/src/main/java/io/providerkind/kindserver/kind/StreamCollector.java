package io.providerkind.kindserver.kind;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Drains one output stream of a child process on a thread of its own: a process whose pipe fills up
 * blocks, so stdout and stderr are read at the same time, and never on a shared pool.
 */
final class StreamCollector {

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final Thread thread;

    StreamCollector(InputStream in, String threadName) {
        this.thread = new Thread(() -> drain(in), threadName);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Everything read, after waiting up to {@code wait} for the stream to end. */
    String text(Duration wait) throws InterruptedException {
        thread.join(wait.toMillis());
        synchronized (buffer) {
            return buffer.toString(StandardCharsets.UTF_8);
        }
    }

    private void drain(InputStream in) {
        byte[] chunk = new byte[8192];
        try (in) {
            int read;
            while ((read = in.read(chunk)) >= 0) {
                synchronized (buffer) {
                    buffer.write(chunk, 0, read);
                }
            }
        } catch (IOException e) {
            // the process ended or was stopped; what was read so far is the answer
        }
    }
}
