package io.providerkind.testsupport.realparts;

import io.providerkind.testsupport.process.DockerCli;
import java.time.Duration;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Behind {@link RequiresDocker}: asks the engine once per test run, through the docker CLI. */
public final class DockerEngineCondition implements ExecutionCondition {

    static final String MISSING = "the Docker engine does not answer `docker version`; start it with "
            + "testing/docker/start-dockerd.sh (or make setup)";

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(DockerEngineCondition.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        // the root store lives as long as the test run: one `docker version` however many classes ask
        boolean answers = context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(
                        "engine answers", key -> new DockerCli(Duration.ofSeconds(30)).engineAnswers(), Boolean.class);
        return RealParts.decide(answers, "the Docker engine answers", MISSING);
    }
}
