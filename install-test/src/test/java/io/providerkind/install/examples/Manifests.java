package io.providerkind.install.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads the YAML documents of manifest files as Jackson trees. */
final class Manifests {

    static final YAMLMapper YAML = new YAMLMapper();

    private Manifests() {}

    static List<Manifest> load(Path file) {
        List<Manifest> manifests = new ArrayList<>();
        try (MappingIterator<JsonNode> documents =
                YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            int index = 0;
            while (documents.hasNextValue()) {
                JsonNode document = documents.nextValue();
                if (document instanceof ObjectNode object) {
                    manifests.add(new Manifest(file, index, object));
                } else if (document != null && !document.isNull() && !document.isMissingNode()) {
                    throw new IllegalArgumentException(file + " document " + index + " is not a mapping");
                }
                index++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return manifests;
    }

    /** Every *.yaml and *.yml file under {@code dir}, in path order. */
    static List<Path> files(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    static List<Manifest> loadAll(Path dir) {
        return files(dir).stream().flatMap(file -> load(file).stream()).toList();
    }
}
