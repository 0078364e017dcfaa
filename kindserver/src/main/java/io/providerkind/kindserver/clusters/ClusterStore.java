package io.providerkind.kindserver.clusters;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.providerkind.sdk.KindServerJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cluster records on disk: {@code <state dir>/clusters/<name>.json}, readable by kindserver's user only
 * (configs may carry registry credentials). A record is written to a temporary file, flushed, and moved
 * over the old one atomically, so a crash leaves either the old record or the new one, never half of one.
 */
public final class ClusterStore {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterStore.class);
    private static final String SUFFIX = ".json";

    private final Path dir;
    private final ObjectMapper json = KindServerJson.newObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ClusterStore(Path stateDir) {
        this.dir = stateDir.resolve("clusters");
    }

    /** Creates the directory (0700) and removes temporary files a crash left behind. */
    public void open() throws IOException {
        Files.createDirectories(
                dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
    }

    /** Every readable record. An unreadable file is set aside as {@code <name>.json.unreadable}, never deleted. */
    public List<ClusterRecord> loadAll() throws IOException {
        List<ClusterRecord> records = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path file : files) {
                try {
                    ClusterRecord record = json.readValue(file.toFile(), ClusterRecord.class);
                    String expectedName = file.getFileName().toString().replace(SUFFIX, "");
                    if (record.name() == null || !record.name().equals(expectedName) || record.phase() == null) {
                        throw new IOException("record does not describe cluster " + expectedName);
                    }
                    records.add(record);
                } catch (IOException e) {
                    Path aside = file.resolveSibling(file.getFileName() + ".unreadable");
                    Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
                    LOG.error("cluster record {} is unreadable ({}); moved it to {}", file, e.getMessage(), aside);
                }
            }
        }
        return records;
    }

    public void save(ClusterRecord record) {
        Path target = file(record.name());
        Path temp = null;
        try {
            temp = Files.createTempFile(
                    dir,
                    "." + record.name() + "-",
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(json.writeValueAsBytes(record)));
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("cannot write the record of cluster " + record.name() + " to " + dir, e);
        }
    }

    public void delete(String name) {
        try {
            Files.deleteIfExists(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the record of cluster " + name + " from " + dir, e);
        }
    }

    Path file(String name) {
        return dir.resolve(name + SUFFIX);
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // removed at the next open()
            }
        }
    }
}
