package io.providerkind.kindserver.config;

import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Makes every flag settable as an environment variable {@code KINDSERVER_<FLAG_IN_UPPER_SNAKE>}
 * ({@code --api-port-range} is {@code KINDSERVER_API_PORT_RANGE}), derived from the flag's name so that no
 * flag can be added without its variable. A flag on the command line wins over the variable, the variable
 * over the built-in default. An empty variable counts as unset, as systemd environment files leave them.
 */
public final class EnvironmentDefaults implements IDefaultValueProvider {

    public static final String PREFIX = "KINDSERVER_";

    private final Map<String, String> environment;

    public EnvironmentDefaults(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** {@code --api-port-range} → {@code KINDSERVER_API_PORT_RANGE}. */
    public static String variableFor(String longFlag) {
        return PREFIX + longFlag.replaceFirst("^-+", "").replace('-', '_').toUpperCase(Locale.ROOT);
    }

    @Override
    public String defaultValue(ArgSpec argument) {
        if (!(argument instanceof OptionSpec option) || option.usageHelp() || option.versionHelp()) {
            return null;
        }
        String value = environment.get(variableFor(option.longestName()));
        return value == null || value.isBlank() ? null : value.strip();
    }
}
