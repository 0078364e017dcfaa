package io.providerkind.provider.managed;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** Records Kubernetes Events about a resource (crossplane's {@code event.Recorder}). */
public interface EventRecorder {

    void normal(HasMetadata about, String reason, String message);

    void warning(HasMetadata about, String reason, String message);
}
