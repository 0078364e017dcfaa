package io.providerkind.kindserver;

import ch.qos.logback.classic.Level;
import io.providerkind.kindserver.config.ConfigurationException;
import io.providerkind.kindserver.config.EnvironmentDefaults;
import io.providerkind.kindserver.config.KindServerOptions;
import io.providerkind.kindserver.config.KindServerSettings;
import io.providerkind.kindserver.config.ListenAddress;
import io.providerkind.kindserver.net.PortRange;
import io.providerkind.kindserver.registry.RegistryStartException;
import io.providerkind.kindserver.tls.TlsSetupException;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code java -jar kindserver.jar}: reads the flags, starts kindserver and stops it gracefully on SIGTERM
 * (no new requests, then running kind processes are waited for or stopped and recorded). Wiring only.
 */
@Command(
        name = "kindserver",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        versionProvider = KindServerMain.Version.class,
        description =
                "Serves the kindserver REST API over HTTPS: creates, lists and deletes kind clusters on this Docker host.",
        footer = {
            "",
            "Every flag can also be set as the environment variable KINDSERVER_<FLAG>, e.g. --api-port-range "
                    + "as KINDSERVER_API_PORT_RANGE; a flag wins over its variable.",
            "Exit status: 0 running or stopped cleanly, 1 failed to start, 2 bad flags or configuration."
        })
public final class KindServerMain implements Callable<Integer> {

    /** Starts the server the settings describe; what it returns is closed on shutdown. */
    @FunctionalInterface
    public interface Launcher {
        AutoCloseable start(KindServerSettings settings) throws Exception;
    }

    static final int FAILED_TO_START = 1;
    static final int BAD_CONFIGURATION = 2;
    private static final Logger LOG = LoggerFactory.getLogger(KindServerMain.class);

    @Mixin
    private KindServerOptions options;

    private final Map<String, String> environment;
    private final Launcher launcher;
    private volatile AutoCloseable running;

    public KindServerMain(Map<String, String> environment, Launcher launcher) {
        this.environment = Map.copyOf(environment);
        this.launcher = launcher;
    }

    public static void main(String[] args) {
        KindServerMain main = new KindServerMain(System.getenv(), KindServerLauncher::start);
        int exitCode = main.commandLine().execute(args);
        if (exitCode != 0 || main.running == null) {
            System.exit(exitCode);
        }
        // otherwise Jetty's threads keep the JVM alive until SIGTERM runs the shutdown hook
    }

    /** The command line with kindserver's converters, environment defaults and error reporting. */
    public CommandLine commandLine() {
        return new CommandLine(this)
                .setDefaultValueProvider(new EnvironmentDefaults(environment))
                .registerConverter(ListenAddress.class, checked(ListenAddress::parse))
                .registerConverter(PortRange.class, checked(PortRange::parse))
                .setExecutionExceptionHandler((e, commandLine, parseResult) -> {
                    boolean configuration = e instanceof ConfigurationException || e instanceof TlsSetupException;
                    commandLine
                            .getErr()
                            .println("kindserver: " + (configuration ? "" : "failed to start: ") + e.getMessage());
                    // a registry kindserver cannot run is the operator's to resolve, as the one line says
                    if (!configuration && !(e instanceof RegistryStartException)) {
                        LOG.error("kindserver failed to start", e);
                    }
                    return configuration ? BAD_CONFIGURATION : FAILED_TO_START;
                });
    }

    @Override
    public Integer call() throws Exception {
        KindServerSettings settings = options.toSettings(environment);
        if (settings.debug()) {
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.providerkind")).setLevel(Level.DEBUG);
        }
        AutoCloseable server = launcher.start(settings);
        running = server;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server), "kindserver-shutdown"));
        return 0;
    }

    private static void stop(AutoCloseable server) {
        try {
            server.close();
        } catch (Exception e) {
            LOG.error("kindserver did not stop cleanly", e);
        }
    }

    /** Picocli quotes a converter's TypeConversionException as it is; other exceptions it wraps in noise. */
    private static <T> ITypeConverter<T> checked(ITypeConverter<T> parse) {
        return text -> {
            try {
                return parse.convert(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        };
    }

    /** The version in the jar's manifest (set by the build), or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = KindServerMain.class.getPackage().getImplementationVersion();
            return new String[] {"kindserver " + (version == null ? "development" : version)};
        }
    }
}
