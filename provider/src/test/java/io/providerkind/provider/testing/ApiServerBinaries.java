package io.providerkind.provider.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.AssertionFailedError;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Decides, before kube-api-test starts its API server, whether a test needing it can run: when the
 * binaries that ../shared/tools/k8s-test-binaries.sh installs are missing, the test FAILS under CI=true
 * (the rules: never skip there) and is skipped elsewhere, naming the command that installs them.
 * Declare it before {@code @EnableKubeAPIServer}.
 */
public final class ApiServerBinaries implements ExecutionCondition {

    public static final String VERSION = "1.20.2";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Path dir = Path.of(System.getenv().getOrDefault("KUBE_API_TEST_DIR",
                System.getProperty("user.home") + "/.kubeapitest"), "k8s", VERSION + "-linux-amd64");
        if (Files.isExecutable(dir.resolve("kube-apiserver")) && Files.isExecutable(dir.resolve("etcd"))) {
            return ConditionEvaluationResult.enabled("kube-apiserver " + VERSION + " found in " + dir);
        }
        String message = "kube-apiserver " + VERSION + " and etcd are not in " + dir
                + "; install them with ../shared/tools/k8s-test-binaries.sh (or make setup)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionFailedError(message);
        }
        return ConditionEvaluationResult.disabled(message);
    }
}
