package io.providerkind.kindserver.config;

import io.providerkind.kindserver.net.PortRange;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * kindserver's flags (docs/design.md, "How the two programs start"). Each is also the environment variable
 * {@code KINDSERVER_<FLAG>} through {@link EnvironmentDefaults}; descriptions show the effective default.
 */
public final class KindServerOptions {

    @Option(
            names = "--listen",
            paramLabel = "HOST:PORT",
            defaultValue = "0.0.0.0:7443",
            description = "Address and port to serve HTTPS on; [::]:PORT for IPv6 (default: ${DEFAULT-VALUE}).")
    ListenAddress listen;

    @Option(
            names = "--password-file",
            paramLabel = "FILE",
            description = "File holding the password every call but health needs; one trailing newline is dropped. "
                    + "Or set KINDSERVER_PASSWORD. Without a password kindserver does not start.")
    Path passwordFile;

    @Option(
            names = "--tls-cert",
            paramLabel = "PEM",
            description =
                    "Server certificate (chain) as PEM. Without --tls-cert and --tls-key a self-signed "
                            + "certificate for the advertise address, localhost and 127.0.0.1 is made once and kept in the state dir.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "Private key of --tls-cert as PEM (unencrypted).")
    Path tlsKey;

    @Option(
            names = "--state-dir",
            paramLabel = "DIR",
            description = "Where cluster records and the self-signed certificate are kept "
                    + "(default: $XDG_STATE_HOME/kindserver, else ~/.local/state/kindserver).")
    Path stateDir;

    @Option(
            names = "--kind",
            paramLabel = "PATH",
            defaultValue = "kind",
            description = "The kind binary; a bare name is looked up on PATH (default: ${DEFAULT-VALUE}).")
    String kind;

    @Option(
            names = "--advertise-address",
            paramLabel = "ADDRESS",
            description = "Host address put in every kubeconfig, reachable from the host and from inside kind "
                    + "clusters (default: the gateway of the docker 'kind' network).")
    String advertiseAddress;

    @Option(
            names = "--api-port-range",
            paramLabel = "FIRST-LAST",
            defaultValue = "36443-36999",
            description = "Ports handed out to the clusters' API servers, never twice (default: ${DEFAULT-VALUE}).")
    PortRange apiPortRange;

    @Option(
            names = "--max-parallel-creates",
            paramLabel = "N",
            defaultValue = "2",
            description = "Creates of different clusters that run at once; more wait (default: ${DEFAULT-VALUE}).")
    int maxParallelCreates;

    @Option(
            names = "--max-body-bytes",
            paramLabel = "BYTES",
            defaultValue = "1048576",
            description = "Largest request body accepted; larger ones get 413 (default: ${DEFAULT-VALUE}).")
    long maxBodyBytes;

    @Option(
            names = "--registry",
            paramLabel = "HOST:PORT",
            description = "Run a local registry for the clusters, published on this host address (e.g. "
                    + "127.0.0.1:5001), and wire every cluster made to it as kind's local-registry recipe does "
                    + "(default: none).")
    String registry;

    @Option(
            names = "--registry-image",
            paramLabel = "IMAGE",
            defaultValue = "registry:2",
            description = "The registry image; it must be on the Docker host, kindserver never pulls "
                    + "(default: ${DEFAULT-VALUE}).")
    String registryImage;

    @Option(
            names = "--registry-container",
            paramLabel = "NAME",
            defaultValue = "kindserver-registry",
            description = "The registry container's name, as the clusters' nodes reach it on the kind network "
                    + "(default: ${DEFAULT-VALUE}).")
    String registryContainer;

    @Option(
            names = "--docker-timeout",
            paramLabel = "SECONDS",
            defaultValue = "15",
            description = "How long a call waits for the Docker engine's answer. An engine silent longer makes "
                    + "kindserver not ready, and a create or delete it stays silent under for twice this is "
                    + "stopped and Failed (default: ${DEFAULT-VALUE}).")
    int dockerTimeoutSeconds;

    @Option(
            names = "--shutdown-grace",
            paramLabel = "SECONDS",
            defaultValue = "30",
            description = "How long a stop (SIGTERM) lets running creates and deletes go on before it stops kind: "
                    + "a create stopped then is Failed, a delete is finished at the next start "
                    + "(default: ${DEFAULT-VALUE}).")
    int shutdownGraceSeconds;

    @Option(names = "--debug", description = "Log every request (method, path, status, time) and the engine's detail.")
    boolean debug;

    /** Checks the flags together (the password, the TLS pair) and resolves the defaults that need the environment. */
    public KindServerSettings toSettings(Map<String, String> environment) {
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new ConfigurationException(
                    "--tls-cert and --tls-key go together; give both, or neither for a " + "self-signed certificate");
        }
        return new KindServerSettings(
                listen,
                PasswordSource.read(Optional.ofNullable(passwordFile), environment),
                tlsCert == null ? Optional.empty() : Optional.of(new TlsFiles(tlsCert, tlsKey)),
                stateDir != null ? stateDir : defaultStateDir(environment),
                kind,
                Optional.ofNullable(advertiseAddress).map(String::strip).filter(a -> !a.isEmpty()),
                apiPortRange,
                maxParallelCreates,
                maxBodyBytes,
                debug,
                Optional.ofNullable(registry)
                        .map(String::strip)
                        .filter(r -> !r.isEmpty())
                        .map(r -> RegistrySettings.of(r, registryImage, registryContainer)),
                Duration.ofSeconds(dockerTimeoutSeconds),
                Duration.ofSeconds(shutdownGraceSeconds));
    }

    /** The XDG base directory rule for state, as other user services keep theirs. */
    static Path defaultStateDir(Map<String, String> environment) {
        String xdg = environment.get("XDG_STATE_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("kindserver");
    }
}
