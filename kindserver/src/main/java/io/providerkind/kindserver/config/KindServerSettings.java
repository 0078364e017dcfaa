package io.providerkind.kindserver.config;

import io.providerkind.kindserver.api.Password;
import io.providerkind.kindserver.docker.DockerClients;
import io.providerkind.kindserver.net.PortRange;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything kindserver is started with, checked. Printing it is safe: {@link Password} prints as stars.
 *
 * @param listen             where HTTPS is served
 * @param password           what every call but health must carry
 * @param tlsFiles           the operator's certificate and key, or empty for the self-signed one
 * @param stateDir           where cluster records and the self-signed certificate are kept
 * @param kindBinary         the kind CLI to run (a path, or a name looked up on PATH)
 * @param advertiseAddress   the host address in every kubeconfig, or empty for the kind network's gateway
 * @param apiPortRange       ports handed out to API servers
 * @param maxParallelCreates creates of different clusters that may run at once
 * @param maxBodyBytes       largest request body accepted
 * @param debug              log every request and the engine's detail
 * @param registry           the local registry to run for the clusters, or empty for none
 * @param dockerTimeout      how long a call waits for Docker's answer; the waits on Docker follow from it
 * @param shutdownGrace      how long a stop waits for running creates and deletes before it stops kind
 */
public record KindServerSettings(
        ListenAddress listen,
        Password password,
        Optional<TlsFiles> tlsFiles,
        Path stateDir,
        String kindBinary,
        Optional<String> advertiseAddress,
        PortRange apiPortRange,
        int maxParallelCreates,
        long maxBodyBytes,
        boolean debug,
        Optional<RegistrySettings> registry,
        Duration dockerTimeout,
        Duration shutdownGrace) {

    /** The default of --shutdown-grace; deploy/kindserver.service's TimeoutStopSec=90 leaves room for it and more. */
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(30);

    /** Settings without a local registry, with the default Docker deadline and shutdown grace. */
    public KindServerSettings(
            ListenAddress listen,
            Password password,
            Optional<TlsFiles> tlsFiles,
            Path stateDir,
            String kindBinary,
            Optional<String> advertiseAddress,
            PortRange apiPortRange,
            int maxParallelCreates,
            long maxBodyBytes,
            boolean debug) {
        this(
                listen,
                password,
                tlsFiles,
                stateDir,
                kindBinary,
                advertiseAddress,
                apiPortRange,
                maxParallelCreates,
                maxBodyBytes,
                debug,
                Optional.empty(),
                DockerClients.DEFAULT_RESPONSE_TIMEOUT,
                DEFAULT_SHUTDOWN_GRACE);
    }

    public KindServerSettings {
        if (maxParallelCreates < 1) {
            throw new ConfigurationException("--max-parallel-creates must be at least 1, got " + maxParallelCreates);
        }
        if (maxBodyBytes < 1024) {
            throw new ConfigurationException(
                    "--max-body-bytes must be at least 1024 (a kind config needs room), got " + maxBodyBytes);
        }
        registry = registry == null ? Optional.empty() : registry;
        if (dockerTimeout == null || dockerTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new ConfigurationException("--docker-timeout must be at least 1 second, got " + dockerTimeout);
        }
        if (shutdownGrace == null || shutdownGrace.isNegative()) {
            throw new ConfigurationException("--shutdown-grace must not be negative, got " + shutdownGrace);
        }
        if (kindBinary == null || kindBinary.isBlank()) {
            throw new ConfigurationException("--kind must name the kind binary");
        }
    }
}
