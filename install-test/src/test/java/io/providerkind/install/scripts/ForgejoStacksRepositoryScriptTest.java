package io.providerkind.install.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.providerkind.install.RepositoryPaths;
import io.providerkind.testsupport.FreePort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/edfbuilder-scripts/forgejo-stacks-repository.sh, run as its Job runs it, against a loopback Forgejo API
 * checked against Forgejo's own API description, which copies repositories with real git from {@code git
 * http-backend}: it waits for Forgejo within bounded tries, creates the organization and the repository from the
 * source once, leaves an existing repository alone, and logs one line per step.
 */
class ForgejoStacksRepositoryScriptTest {

    private static final RepositoryPaths PATHS = RepositoryPaths.locate();
    private static final String USER = "giteaAdmin";
    private static final String PASSWORD = "s3cret\"with\\quotes-not-in-any-log";

    @TempDir
    Path tmp;

    private GitHttpBackend git;
    private final Script script = new Script(PATHS.edfbuilderScripts().resolve("forgejo-stacks-repository.sh"));

    @BeforeEach
    void aSourceRepositoryWithTheStacks() throws Exception {
        Path served = Files.createDirectories(tmp.resolve("served"));
        Git.must(served, "init", "--bare", "stacks.git");
        Path work = Files.createDirectories(tmp.resolve("work"));
        Git.must(work, "init");
        Files.createDirectories(work.resolve("registry"));
        Files.writeString(work.resolve("registry/app.yaml"), "kind: Application\n");
        Git.must(work, "add", ".");
        Git.must(work, "commit", "-m", "the stack of stacks");
        Git.must(work, "push", served.resolve("stacks.git").toString(), "HEAD:refs/heads/main");
        git = GitHttpBackend.serving(served);
    }

    @AfterEach
    void stopTheGitServer() {
        git.close();
    }

    @Test
    void createsTheOrganizationAndTheRepositoryFromTheSourceLoggingEachStep() {
        try (LoopbackForgejo forgejo = forgejo(0)) {
            Script.Run run = script.run(environment(forgejo.url(), "stacks.git"), "/usr/bin:/bin");

            assertEquals(0, run.exitCode(), run.output());
            assertEquals(List.of(), forgejo.violations());
            assertEquals(
                    List.of(
                            "GET /version",
                            "GET /repos/edfbuilder/stacks",
                            "GET /orgs/edfbuilder",
                            "POST /orgs",
                            "POST /repos/migrate"),
                    forgejo.calls());
            assertEquals(
                    "the stack of stacks\n",
                    Git.must(forgejo.repository("edfbuilder/stacks"), "log", "--format=%s", "main"));
            run.assertLogged(
                    "step 1/4 done: Forgejo 10.0.2 answers",
                    "step 2/4 done: repository edfbuilder/stacks does not exist yet",
                    "step 3/4 done: created organization edfbuilder",
                    "step 4/4 done: created edfbuilder/stacks from " + git.url("stacks.git"));
            assertFalse(run.output().contains(PASSWORD), "the password is in the log:\n" + run.output());
        }
    }

    @Test
    void aSecondRunLeavesTheExistingRepositoryAlone() throws Exception {
        try (LoopbackForgejo forgejo = forgejo(0)) {
            assertEquals(
                    0,
                    script.run(environment(forgejo.url(), "stacks.git"), "/usr/bin:/bin")
                            .exitCode());
            String copied = Git.must(forgejo.repository("edfbuilder/stacks"), "rev-parse", "main");
            int callsOfTheFirstRun = forgejo.calls().size();

            Script.Run second = script.run(environment(forgejo.url(), "stacks.git"), "/usr/bin:/bin");

            assertEquals(0, second.exitCode(), second.output());
            assertEquals(
                    List.of("GET /version", "GET /repos/edfbuilder/stacks"),
                    forgejo.calls().subList(callsOfTheFirstRun, forgejo.calls().size()));
            assertEquals(copied, Git.must(forgejo.repository("edfbuilder/stacks"), "rev-parse", "main"));
            second.assertLogged("step 2/4 done: repository edfbuilder/stacks exists, left alone");
            assertEquals(List.of(), forgejo.violations());
        }
    }

    @Test
    void anExistingOrganizationIsUsedAsItIs() {
        try (LoopbackForgejo forgejo = forgejo(0)) {
            forgejo.addOrganization("edfbuilder");

            Script.Run run = script.run(environment(forgejo.url(), "stacks.git"), "/usr/bin:/bin");

            assertEquals(0, run.exitCode(), run.output());
            assertFalse(forgejo.calls().contains("POST /orgs"), forgejo.calls().toString());
            assertTrue(forgejo.hasRepository("edfbuilder/stacks"));
            run.assertLogged("step 3/4 done: organization edfbuilder exists");
        }
    }

    @Test
    void waitsForAForgejoThatIsStillStartingWithinItsTries() {
        try (LoopbackForgejo forgejo = forgejo(2)) {
            Map<String, String> env = environment(forgejo.url(), "stacks.git");
            env.put("TRIES", "3");

            Script.Run run = script.run(env, "/usr/bin:/bin");

            assertEquals(0, run.exitCode(), run.output());
            run.assertLogged(
                    "step 1/4: try 1/3 of GET /version got HTTP 000",
                    "step 1/4: try 2/3 of GET /version got HTTP 000",
                    "step 1/4 done: Forgejo 10.0.2 answers");
            assertTrue(forgejo.hasRepository("edfbuilder/stacks"));
        }
    }

    @Test
    void givesUpWithAClearLineAndAFailureWhenForgejoNeverAnswers() {
        Map<String, String> env = environment("http://127.0.0.1:" + FreePort.onLoopback(), "stacks.git");
        env.put("TRIES", "3");

        Script.Run run = script.run(env, "/usr/bin:/bin");

        assertNotEquals(0, run.exitCode(), run.output());
        assertEquals(
                2,
                run.lines().stream().filter(l -> l.contains("step 1/4: try ")).count(),
                run.output());
        run.assertLogged("step 1/4 failed: gave up after 3 tries of GET /version (last answer: HTTP 000");
        assertFalse(run.output().contains("step 2/4"), run.output());
    }

    @Test
    void aMigrationForgejoRefusesFailsTheScriptWithForgejosAnswer() {
        try (LoopbackForgejo forgejo = forgejo(0)) {
            Script.Run run = script.run(environment(forgejo.url(), "missing.git"), "/usr/bin:/bin");

            assertNotEquals(0, run.exitCode(), run.output());
            run.assertLogged("step 4/4 failed: HTTP 422: {\"message\":\"migration failed: ");
            assertFalse(forgejo.hasRepository("edfbuilder/stacks"));
            assertEquals(List.of(), forgejo.violations());
        }
    }

    private LoopbackForgejo forgejo(int unansweredFor) {
        return new LoopbackForgejo(
                ForgejoOpenApi.load(PATHS.forgejoApi()), USER, PASSWORD, tmp.resolve("forgejo"), unansweredFor);
    }

    private Map<String, String> environment(String forgejoUrl, String source) {
        Map<String, String> env = new HashMap<>();
        env.put("FORGEJO_URL", forgejoUrl);
        env.put("FORGEJO_USERNAME", USER);
        env.put("FORGEJO_PASSWORD", PASSWORD);
        env.put("STACKS_REPO", "edfbuilder/stacks");
        env.put("SOURCE_URL", git.url(source));
        env.put("RETRY_DELAY_SECONDS", "0");
        return env;
    }
}
