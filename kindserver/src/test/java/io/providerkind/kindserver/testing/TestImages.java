package io.providerkind.kindserver.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Images made on the Docker host for tests: no registry, no pull. */
public final class TestImages {

    private TestImages() {}

    /**
     * {@code docker import} of a tar made here, holding {@code files} (path → text). The docker CLI does the import
     * (docker-java's createImageCmd sends a body the engine cannot read over the httpclient5 transport).
     */
    public static void importImage(String image, Map<String, String> files) throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(tar)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
                entry.setSize(content.length);
                out.putArchiveEntry(entry);
                out.write(content);
                out.closeArchiveEntry();
            }
        }
        Process dockerImport = new ProcessBuilder("docker", "import", "-", image)
                .redirectErrorStream(true)
                .start();
        try (var stdin = dockerImport.getOutputStream()) {
            stdin.write(tar.toByteArray());
        }
        String output = new String(dockerImport.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (dockerImport.waitFor() != 0) {
                throw new IOException("docker import " + image + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
