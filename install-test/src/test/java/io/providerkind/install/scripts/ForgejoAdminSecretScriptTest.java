package io.providerkind.install.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubeapitest.junit.EnableKubeAPIServer;
import io.fabric8.kubeapitest.junit.KubeConfig;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.providerkind.install.RepositoryPaths;
import io.providerkind.testsupport.FreePort;
import io.providerkind.testsupport.realparts.KubeApiServerBinaries;
import io.providerkind.testsupport.realparts.RequiresKubeApiServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/edfbuilder-scripts/forgejo-admin-secret.sh, run as its Job runs it, with kubectl against a real
 * kube-apiserver: it makes the admin Secret once, never makes it again (the password stays what it was), leaves a
 * Secret someone else made alone, and gives up after its tries when the API server does not answer.
 */
@RequiresKubeApiServer
@EnableKubeAPIServer(kubeAPIVersion = KubeApiServerBinaries.VERSION)
class ForgejoAdminSecretScriptTest {

    private static final RepositoryPaths PATHS = RepositoryPaths.locate();

    static KubernetesClient client;

    @KubeConfig
    static String kubeconfig;

    @TempDir
    Path tmp;

    private final Script script = new Script(PATHS.edfbuilderScripts().resolve("forgejo-admin-secret.sh"));
    private String namespace;

    @BeforeEach
    void aNamespaceOfItsOwn() {
        namespace = "gitea-" + UUID.randomUUID().toString().substring(0, 8);
        client.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(namespace)
                        .endMetadata()
                        .build())
                .create();
    }

    @Test
    void makesTheSecretOnceAndASecondRunLeavesItsPasswordAsItWas() throws Exception {
        Script.Run first = script.run(environment(kubeconfigFile(kubeconfig)), path());

        assertEquals(0, first.exitCode(), first.output());
        Secret made = client.secrets()
                .inNamespace(namespace)
                .withName("forgejo-admin")
                .get();
        assertEquals("giteaAdmin", decoded(made, "username"));
        String password = decoded(made, "password");
        assertTrue(password.matches("[A-Za-z0-9]{32}"), "a 32-character password, not '" + password + "'");
        assertFalse(first.output().contains(password), "the password is in the log:\n" + first.output());
        first.assertLogged(
                "step 1/2 done: secret " + namespace + "/forgejo-admin does not exist yet",
                "step 2/2 done: created secret " + namespace + "/forgejo-admin for user giteaAdmin");

        Script.Run second = script.run(environment(kubeconfigFile(kubeconfig)), path());

        assertEquals(0, second.exitCode(), second.output());
        assertEquals(
                password,
                decoded(
                        client.secrets()
                                .inNamespace(namespace)
                                .withName("forgejo-admin")
                                .get(),
                        "password"));
        second.assertLogged("step 1/2 done: secret " + namespace + "/forgejo-admin exists, left alone");
    }

    @Test
    void aSecretMadeBySomeoneElseIsLeftAlone() throws Exception {
        client.secrets()
                .inNamespace(namespace)
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("forgejo-admin")
                        .endMetadata()
                        .addToStringData("username", "chosen")
                        .addToStringData("password", "chosen-by-hand")
                        .build())
                .create();

        Script.Run run = script.run(environment(kubeconfigFile(kubeconfig)), path());

        assertEquals(0, run.exitCode(), run.output());
        Secret kept = client.secrets()
                .inNamespace(namespace)
                .withName("forgejo-admin")
                .get();
        assertEquals("chosen-by-hand", decoded(kept, "password"));
        assertEquals("chosen", decoded(kept, "username"));
    }

    @Test
    void givesUpWithAClearLineAndAFailureWhenTheApiServerNeverAnswers() throws Exception {
        String nowhere =
                kubeconfig.replaceAll("server: *https://[^\\s]+", "server: https://127.0.0.1:" + FreePort.onLoopback());
        assertNotEquals(kubeconfig, nowhere, "the test could not point the kubeconfig elsewhere");
        Map<String, String> env = environment(kubeconfigFile(nowhere));
        env.put("TRIES", "3");

        Script.Run run = script.run(env, path());

        assertNotEquals(0, run.exitCode(), run.output());
        assertEquals(
                2,
                run.lines().stream().filter(l -> l.contains("step 1/2: try ")).count(),
                run.output());
        run.assertLogged("step 1/2 failed: gave up after 3 tries to read secret " + namespace + "/forgejo-admin");
        assertFalse(run.output().contains("step 2/2"), run.output());
    }

    private Map<String, String> environment(Path kubeconfigFile) {
        Map<String, String> env = new HashMap<>();
        env.put("KUBECONFIG", kubeconfigFile.toString());
        env.put("HOME", tmp.toString());
        env.put("NAMESPACE", namespace);
        env.put("SECRET_NAME", "forgejo-admin");
        env.put("ADMIN_USERNAME", "giteaAdmin");
        env.put("RETRY_DELAY_SECONDS", "0");
        return env;
    }

    private Path kubeconfigFile(String content) throws Exception {
        return Files.writeString(Files.createTempFile(tmp, "kubeconfig", ""), content);
    }

    /** kube-api-test's kubectl first, as the image's kubectl is the one the Job runs. */
    private static String path() {
        return KubeApiServerBinaries.located().directory() + ":/usr/bin:/bin";
    }

    private static String decoded(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }
}
