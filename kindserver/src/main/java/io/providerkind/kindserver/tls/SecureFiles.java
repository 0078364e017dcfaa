package io.providerkind.kindserver.tls;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes files that must never be seen half-written or, for keys, readable by others even for an instant:
 * the temporary file is created with its final permissions and then renamed over the target.
 */
final class SecureFiles {

    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private SecureFiles() {}

    static void createPrivateDirectory(Path directory) throws IOException {
        if (POSIX) {
            Files.createDirectories(
                    directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        } else {
            Files.createDirectories(directory);
        }
    }

    static void writeAtomically(Path target, String content, boolean secret) throws IOException {
        Set<PosixFilePermission> permissions = PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--");
        FileAttribute<?>[] attributes = POSIX
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp", attributes);
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(content.getBytes(StandardCharsets.US_ASCII)));
                channel.force(true); // on disk before the rename makes it the file others read
            }
            if (POSIX) {
                Files.setPosixFilePermissions(temporary, permissions); // the umask may have narrowed the cert's
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
