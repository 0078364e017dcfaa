package io.providerkind.kindserver.kind;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The environment kindserver gives the processes it starts: its own, minus what is kindserver's alone. kind and the
 * docker commands it runs need PATH, HOME, DOCKER_HOST, KUBECONFIG and the like, and get them unchanged; none of them
 * reads kindserver's configuration, and {@code KINDSERVER_PASSWORD} would otherwise reach every child (and whatever
 * those children log or pass on). Every process kindserver starts gets its environment here, so there is one place
 * that decides.
 */
public final class ChildEnvironment {

    /** kindserver's own configuration (see config/EnvironmentDefaults), its password among it. */
    private static final String OWN_PREFIX = "KINDSERVER_";

    /**
     * Where systemd puts the credentials of the unit (kindserver/deploy/kindserver.service loads the password there);
     * a child needs none of them.
     */
    private static final String CREDENTIALS_DIRECTORY = "CREDENTIALS_DIRECTORY";

    private final Map<String, String> variables;

    private ChildEnvironment(Map<String, String> variables) {
        this.variables = variables;
    }

    /** kindserver's own environment, for its children. */
    public static ChildEnvironment inherited() {
        return of(System.getenv());
    }

    /** The given parent environment, for a child. */
    public static ChildEnvironment of(Map<String, String> parent) {
        Map<String, String> kept = new TreeMap<>();
        parent.forEach((name, value) -> {
            if (!name.startsWith(OWN_PREFIX) && !name.equals(CREDENTIALS_DIRECTORY)) {
                kept.put(name, value);
            }
        });
        return new ChildEnvironment(Map.copyOf(kept));
    }

    /** The variables a child gets. */
    public Map<String, String> variables() {
        return variables;
    }

    /** A process builder for {@code command} whose process gets exactly {@link #variables()}. */
    public ProcessBuilder processBuilder(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.putAll(variables);
        return builder;
    }
}
