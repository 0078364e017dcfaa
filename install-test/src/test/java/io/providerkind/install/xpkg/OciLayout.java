package io.providerkind.install.xpkg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/** An OCI image layout on disk (index.json, oci-layout, blobs/sha256), for building and reading images. */
record OciLayout(Path dir) {

    static final ObjectMapper JSON = new ObjectMapper();

    static OciLayout create(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("blobs/sha256"));
        Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        return new OciLayout(dir);
    }

    /** Stores the bytes as a blob and returns its descriptor. */
    ObjectNode put(String mediaType, byte[] content) throws IOException {
        String digest = "sha256:" + sha256(content);
        Files.write(blob(digest), content);
        ObjectNode descriptor =
                JSON.createObjectNode().put("mediaType", mediaType).put("digest", digest);
        descriptor.put("size", content.length);
        return descriptor;
    }

    ObjectNode putJson(String mediaType, JsonNode content) throws IOException {
        return put(mediaType, JSON.writeValueAsBytes(content));
    }

    Path blob(String digest) {
        return dir.resolve("blobs/sha256").resolve(digest.substring("sha256:".length()));
    }

    byte[] read(JsonNode descriptor) throws IOException {
        return Files.readAllBytes(blob(descriptor.path("digest").asText()));
    }

    JsonNode readJson(JsonNode descriptor) throws IOException {
        return JSON.readTree(read(descriptor));
    }

    JsonNode index() throws IOException {
        return JSON.readTree(dir.resolve("index.json").toFile());
    }

    void writeIndex(JsonNode index) throws IOException {
        Files.write(dir.resolve("index.json"), JSON.writeValueAsBytes(index));
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
