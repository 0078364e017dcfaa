package io.providerkind.kindserver.config;

import java.nio.file.Path;

/** The operator's PEM certificate (chain) and key, given with --tls-cert and --tls-key. */
public record TlsFiles(Path certificate, Path key) {}
