package io.providerkind.kindserver.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** The operator's own certificate and key (--tls-cert, --tls-key), checked before the server starts. */
public final class PemFiles {

    private PemFiles() {}

    /** Reads both files; a missing, unreadable or mismatched pair is a {@link TlsSetupException} naming the file. */
    public static TlsIdentity load(Path certificateFile, Path keyFile) {
        List<X509Certificate> chain =
                Pem.readCertificates(read(certificateFile, "--tls-cert"), "--tls-cert " + certificateFile);
        PrivateKey key = Pem.readPrivateKey(read(keyFile, "--tls-key"), "--tls-key " + keyFile);
        if (!KeyMatch.matches(key, chain.get(0))) {
            throw new TlsSetupException("--tls-key " + keyFile
                    + " is not the key of the first certificate in --tls-cert " + certificateFile);
        }
        return new TlsIdentity(chain, key, "PEM files " + certificateFile + " and " + keyFile);
    }

    private static String read(Path file, String flag) {
        try {
            // PEM is ASCII; Latin-1 never fails, so a DER file gets "not PEM" rather than a charset error
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new TlsSetupException(flag + " " + file + " cannot be read: " + e, e);
        }
    }
}
