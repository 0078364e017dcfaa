package io.providerkind.install.launch;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.providerkind.testsupport.hostile.HostileYaml;
import io.providerkind.testsupport.process.JavaProcess;
import io.providerkind.testsupport.realparts.RequiresDocker;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kindserver.jar, started as an operator starts it, answers every config of the hostile YAML corpus with a JSON
 * 400 {@code bad_request} that names the problem, keeps serving, and logs no stack trace and no exception: what
 * holds for the reader in its unit tests holds for the jar users run, with its own logging and its own JVM stack.
 */
@RequiresDocker
class HostileInputJarIT {

    private static final String PASSWORD = "correct horse battery staple";
    /** Room for the corpus's largest configs, so that each reaches the YAML reader and not the body limit. */
    private static final int MAX_BODY_BYTES = 8 * 1024 * 1024;
    /** Lines of a stack trace, or of a throwable that got as far as the log. */
    private static final Pattern TROUBLE = Pattern.compile("(?m)^\\s+at |^Caused by|Exception|Error");

    /** Writes JSON as a hostile client may: every character that is not ASCII, half surrogate pairs too, escaped. */
    private final ObjectMapper json =
            JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    @TempDir
    Path tmp;

    @Test
    void answersEveryHostileConfigWithAJson400AndLogsNoStackTrace() throws Exception {
        try (ServingKindServerJar jar =
                ServingKindServerJar.start(tmp, PASSWORD, "--max-body-bytes", Integer.toString(MAX_BODY_BYTES))) {
            JavaProcess kindserver = jar.process();
            int port = jar.port();
            Http https = Http.trusting(jar.certificate());
            String base = "https://127.0.0.1:" + port;

            List<String> wrong = new ArrayList<>();
            for (HostileYaml.Case hostile : HostileYaml.corpus()) {
                HttpResponse<String> response = https.post(
                        base + "/api/v1/kindserver/hostile",
                        json.writeValueAsBytes(Map.of("kindConfig", hostile.yaml())),
                        "Authorization",
                        "Bearer " + PASSWORD,
                        "Content-Type",
                        "application/json");
                String answer = answer(response);
                if (!answer.startsWith("400 bad_request ") || !answer.contains(hostile.refusal())) {
                    wrong.add(hostile.name() + ": " + answer);
                }
            }

            HttpResponse<String> list = https.get(base + "/api/v1/kindserver", "Authorization", "Bearer " + PASSWORD);
            String log = kindserver.log();
            assertAll(
                    () -> assertEquals(List.of(), wrong, "each must be a JSON 400 bad_request naming its problem"),
                    () -> assertFalse(
                            TROUBLE.matcher(log).find(), "a stack trace, exception or error in the log:\n" + log),
                    () -> assertEquals(200, list.statusCode(), "still serving:\n" + log),
                    () -> assertEquals("{\"clusters\":[]}", list.body(), "no hostile config made a cluster"));
        }
    }

    /** Status, error code and message on one line, or what came instead of a JSON error. */
    private String answer(HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/json")) {
            return response.statusCode() + " " + type + " " + response.body();
        }
        try {
            JsonNode error = json.readTree(response.body());
            return response.statusCode() + " " + error.path("error").asText() + " "
                    + error.path("message").asText();
        } catch (java.io.IOException e) {
            return response.statusCode() + " not JSON: " + response.body();
        }
    }
}
