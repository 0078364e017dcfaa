package io.providerkind.kindserver.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * A kind binary for kindserver that is the kind test double with two hooks a test switches on from outside, through
 * files in its directory: every run writes the environment it got to {@code environments/<command>-<pid>.env}, and
 * the next {@code kind delete} can be held and the next {@code kind create} made slow, so that a test can stop
 * kindserver while they run. The double itself stays untouched, as kindserver runs it.
 */
public final class KindWrapper {

    private final Path directory;
    private final Path executable;

    private KindWrapper(Path directory) {
        this.directory = directory;
        this.executable = directory.resolve("kind");
    }

    /** Writes the wrapper into {@code directory} (created if missing) around {@link KindDouble#executable()}. */
    public static KindWrapper in(Path directory) {
        KindWrapper wrapper = new KindWrapper(directory);
        try {
            Files.createDirectories(directory.resolve("environments"));
            Files.writeString(wrapper.executable, script(directory, KindDouble.executable()));
            Files.setPosixFilePermissions(wrapper.executable, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return wrapper;
    }

    /** What kindserver's {@code --kind} points at. */
    public Path executable() {
        return executable;
    }

    /** The next {@code kind delete} waits, before it deletes anything, until {@link #releaseDelete()} (2 min at most). */
    public void holdNextDelete() {
        write("hold-delete", "");
    }

    /** The held {@code kind delete} goes on. */
    public void releaseDelete() {
        write("release-delete", "");
    }

    /** The delete asked to be held has started and waits. */
    public boolean deleteHeld() {
        return !Files.exists(directory.resolve("hold-delete"));
    }

    /** The next {@code kind create} spends {@code step} on each of its steps (KIND_DOUBLE_STEP_SECONDS). */
    public void slowNextCreate(Duration step) {
        write("slow-create", Double.toString(step.toMillis() / 1000.0));
    }

    /** The slow create asked for has started. */
    public boolean slowCreateStarted() {
        return !Files.exists(directory.resolve("slow-create"));
    }

    /** The environment files of every run so far, as {@code env} printed them. */
    public List<Path> environments() {
        try (Stream<Path> files = Files.list(directory.resolve("environments"))) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String marker, String content) {
        try {
            Files.writeString(directory.resolve(marker), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // each marker is taken by exactly one run: rm succeeds once
    private static String script(Path directory, Path kindDouble) {
        return """
                #!/bin/sh
                dir='%s'
                env > "$dir/environments/$1-$$.env"
                case "$1" in
                delete)
                    if rm "$dir/hold-delete" 2>/dev/null; then
                        i=0
                        while [ ! -e "$dir/release-delete" ] && [ "$i" -lt 1200 ]; do
                            sleep 0.1
                            i=$((i + 1))
                        done
                        rm -f "$dir/release-delete"
                    fi ;;
                create)
                    if step=$(cat "$dir/slow-create" 2>/dev/null) && rm "$dir/slow-create" 2>/dev/null; then
                        KIND_DOUBLE_STEP_SECONDS="$step"
                        export KIND_DOUBLE_STEP_SECONDS
                    fi ;;
                esac
                exec '%s' "$@"
                """.formatted(directory, kindDouble);
    }
}
