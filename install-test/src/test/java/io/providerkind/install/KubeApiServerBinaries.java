package io.providerkind.install;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.AssertionFailedError;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Decides, before kube-api-test starts its API server, whether a test that needs it can run: the
 * kube-apiserver, etcd and kubectl binaries must be where `make setup` puts them (kube-api-test would
 * otherwise try to download them, which cannot work offline). Missing, the test fails under CI=true and
 * is skipped elsewhere. Declare it before {@code @EnableKubeAPIServer}.
 */
public final class KubeApiServerBinaries implements ExecutionCondition {

    public static final String VERSION = "1.20.2";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Path dir = directory();
        if (List.of("kube-apiserver", "etcd", "kubectl").stream().allMatch(binary -> Files.isExecutable(dir.resolve(binary)))) {
            return ConditionEvaluationResult.enabled("kube-apiserver " + VERSION + " binaries in " + dir);
        }
        String message = "kube-apiserver " + VERSION + " test binaries are missing in " + dir + " (install them with `make setup`)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionFailedError(message);
        }
        return ConditionEvaluationResult.disabled(message);
    }

    static Path directory() {
        Path base = Optional.ofNullable(System.getenv("KUBE_API_TEST_DIR")).map(Path::of)
                .orElse(Path.of(System.getProperty("user.home"), ".kubeapitest"));
        return base.resolve("k8s").resolve(VERSION + "-linux-amd64");
    }
}
