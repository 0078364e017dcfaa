package io.providerkind.provider.api;

import io.fabric8.generator.annotation.Required;

/** A file holding credentials, as crossplane's {@code xpv1.FsSelector}. */
public record FilesystemSelector(@Required String path) {}
