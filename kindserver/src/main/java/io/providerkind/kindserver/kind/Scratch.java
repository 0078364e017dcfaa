package io.providerkind.kindserver.kind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Private (0700) directories for what kind writes while it runs, above all the per-cluster
 * {@code --kubeconfig}: the operator's ~/.kube/config is never touched, and the credentials kind writes
 * are readable by kindserver's user only and deleted when kind is done.
 */
final class Scratch {

    private Scratch() {}

    static Path create(Path root, String prefix) throws IOException {
        Files.createDirectories(root);
        return Files.createTempDirectory(
                root, prefix, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // best effort; what remains is 0700 and cleaned at the next start
                }
            });
        } catch (IOException e) {
            // best effort, as above
        }
    }
}
