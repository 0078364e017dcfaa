package io.providerkind.kindserver.config;

import io.providerkind.kindserver.api.Password;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where kindserver's password comes from: {@code --password-file} (a file, so the secret is in neither the
 * process list nor kindserver's own environment, which its user's other processes may read) or
 * {@code KINDSERVER_PASSWORD} (kept from kind's and docker's environment by kind.ChildEnvironment). Without one
 * kindserver refuses to start: an open kindserver would let anyone on the network create containers.
 */
final class PasswordSource {

    static final String VARIABLE = EnvironmentDefaults.PREFIX + "PASSWORD";
    private static final Logger LOG = LoggerFactory.getLogger(PasswordSource.class);

    private PasswordSource() {}

    static Password read(Optional<Path> file, Map<String, String> environment) {
        String fromEnvironment = environment.get(VARIABLE);
        boolean inEnvironment = fromEnvironment != null && !fromEnvironment.isEmpty();
        if (file.isPresent() && inEnvironment) {
            throw new ConfigurationException(
                    "the password is given twice, by --password-file and by " + VARIABLE + "; give it one way");
        }
        if (file.isPresent()) {
            return fromFile(file.get());
        }
        if (inEnvironment) {
            return checked(fromEnvironment, VARIABLE);
        }
        throw new ConfigurationException("no password: set " + VARIABLE + " or --password-file FILE"
                + " (kindserver refuses to run without one; every call but /healthz and /readyz needs it)");
    }

    private static Password fromFile(Path file) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigurationException("--password-file " + file + " cannot be read: " + e, e);
        }
        warnIfOthersCanRead(file);
        // editors and `echo pw > file` end the file with a newline that is not part of the password
        if (content.endsWith("\r\n")) {
            content = content.substring(0, content.length() - 2);
        } else if (content.endsWith("\n")) {
            content = content.substring(0, content.length() - 1);
        }
        return checked(content, "--password-file " + file);
    }

    private static Password checked(String secret, String source) {
        try {
            return Password.of(secret);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("the password from " + source + " cannot be used: " + e.getMessage(), e);
        }
    }

    private static void warnIfOthersCanRead(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.contains(PosixFilePermission.OTHERS_READ)
                    || permissions.contains(PosixFilePermission.GROUP_READ)) {
                LOG.warn("--password-file {} can be read by other users; chmod 600 it", file);
            }
        } catch (IOException | UnsupportedOperationException notPosix) {
            // nothing to say on file systems without POSIX permissions
        }
    }
}
