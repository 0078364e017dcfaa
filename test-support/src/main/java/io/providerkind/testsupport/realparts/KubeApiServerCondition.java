package io.providerkind.testsupport.realparts;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Behind {@link RequiresKubeApiServer}: decided before kube-api-test's extension tries to start anything. */
public final class KubeApiServerCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        KubeApiServerBinaries binaries = KubeApiServerBinaries.located();
        return RealParts.decide(
                binaries.complete(),
                "kube-apiserver " + KubeApiServerBinaries.VERSION + " found in " + binaries.directory(),
                binaries.missing());
    }
}
