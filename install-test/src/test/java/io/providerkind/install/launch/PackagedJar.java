package io.providerkind.install.launch;

import io.providerkind.testsupport.RepositoryRoot;
import io.providerkind.testsupport.process.JavaProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A jar as `make build` packages it, started as an operator starts it: {@code java -jar}. */
record PackagedJar(Path jar) {

    /**
     * @param environment added to the test's environment, after {@code unset} is removed from it
     * @param log         the file its output goes to
     */
    JavaProcess start(List<String> args, Map<String, String> environment, List<String> unset, Path log)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError(
                    RepositoryRoot.locate().relativize(jar) + " is missing: it is built by `make build` (mvn package)");
        }
        List<String> arguments = new ArrayList<>(List.of("-jar", jar.toString()));
        arguments.addAll(args);
        return JavaProcess.start(arguments, environment, unset, log);
    }
}
