package io.providerkind.install.scripts;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Forgejo's own API description (third_party/forgejo-api, vendored with its source noted) as a judge of the loopback
 * Forgejo's traffic: a request must name an operation Forgejo has, with a body of declared fields of the declared types
 * (and enum values) holding the required ones; an answer must have a status the operation declares and, where it
 * names a definition, only that definition's fields.
 */
record ForgejoOpenApi(JsonNode document) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ForgejoOpenApi load(Path file) {
        try {
            return new ForgejoOpenApi(JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The operation {@code method path} (path below /api/v1) names; fails the test if Forgejo has none. */
    JsonNode operation(String method, String path) {
        Iterator<Map.Entry<String, JsonNode>> templates = document.path("paths").fields();
        while (templates.hasNext()) {
            Map.Entry<String, JsonNode> template = templates.next();
            JsonNode operation = template.getValue().path(method.toLowerCase(Locale.ROOT));
            if (!operation.isMissingNode() && matches(template.getKey(), path)) {
                return operation;
            }
        }
        throw new AssertionError("Forgejo's API has no operation " + method + " " + path);
    }

    void checkRequest(String method, String path, JsonNode body) {
        for (JsonNode parameter : operation(method, path).path("parameters")) {
            if ("body".equals(parameter.path("in").asText())) {
                checkObject(method + " " + path + " request body", definition(parameter.path("schema")), body);
                return;
            }
        }
        assertTrue(body == null || body.isMissingNode(), method + " " + path + " takes no body, was sent " + body);
    }

    void checkResponse(String method, String path, int status, JsonNode body) {
        JsonNode response = operation(method, path).path("responses").path(Integer.toString(status));
        assertTrue(!response.isMissingNode(), method + " " + path + " does not answer " + status + " in Forgejo's API");
        String ref = response.path("$ref").asText("");
        String name = ref.substring(ref.lastIndexOf('/') + 1);
        JsonNode definition = document.path("definitions").path(name);
        if (ref.startsWith("#/responses/") && !definition.isMissingNode()) {
            checkObject(method + " " + path + " " + status + " answer", definition, body);
        }
    }

    private JsonNode definition(JsonNode schema) {
        String ref = schema.path("$ref").asText();
        return document.path("definitions").path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private static void checkObject(String what, JsonNode definition, JsonNode body) {
        assertTrue(body != null && body.isObject(), what + " is not a JSON object: " + body);
        for (JsonNode required : definition.path("required")) {
            assertTrue(body.hasNonNull(required.asText()), what + " lacks the required " + required.asText());
        }
        body.fields().forEachRemaining(field -> {
            JsonNode declared = definition.path("properties").path(field.getKey());
            assertTrue(!declared.isMissingNode(), what + " has " + field.getKey() + ", which Forgejo does not declare");
            if (declared.has("type")) {
                assertTrue(
                        hasType(field.getValue(), declared.path("type").asText()),
                        what + ": " + field.getKey() + " should be a "
                                + declared.path("type").asText());
            }
            if (declared.has("enum")) {
                boolean listed = false;
                for (JsonNode value : declared.path("enum")) {
                    listed |= value.equals(field.getValue());
                }
                assertTrue(
                        listed,
                        what + ": " + field.getKey() + " " + field.getValue() + " is not one of "
                                + declared.path("enum"));
            }
        });
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "string" -> value.isTextual();
            case "boolean" -> value.isBoolean();
            case "integer" -> value.isIntegralNumber();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            default -> throw new IllegalArgumentException("type " + type + " is not checked here");
        };
    }

    /** {@code /repos/{owner}/{repo}} matches {@code /repos/a/b}; a literal segment only itself. */
    private static boolean matches(String template, String path) {
        String[] expected = template.split("/");
        String[] actual = path.split("/");
        if (expected.length != actual.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            boolean variable = expected[i].startsWith("{") && expected[i].endsWith("}");
            if (!variable && !expected[i].equals(actual[i])) {
                return false;
            }
        }
        return true;
    }
}
