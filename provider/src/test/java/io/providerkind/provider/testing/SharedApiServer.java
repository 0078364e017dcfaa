package io.providerkind.provider.testing;

import java.util.Set;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test the {@link TestApiServer} of its JVM: started for the first test that asks, kept in the root context's
 * store and stopped by JUnit when the run ends. After each class it checks that the class left the API server as it
 * found it, so that no class sees another's objects whatever order they run in.
 */
public final class SharedApiServer implements ParameterResolver, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(SharedApiServer.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestApiServer.class;
    }

    @Override
    public TestApiServer resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return store(context).computeIfAbsent(TestApiServer.class, type -> TestApiServer.start(), TestApiServer.class);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        TestApiServer server = store(context).get(TestApiServer.class, TestApiServer.class);
        if (server == null) {
            return;
        }
        Set<String> left = server.objectsBeyondTheStart();
        if (!left.isEmpty()) {
            throw new AssertionError(context.getDisplayName()
                    + " left objects on the shared API server that the next class would see; remove them after each"
                    + " test: " + left);
        }
    }

    private static ExtensionContext.Store store(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE);
    }
}
