package io.providerkind.kindserver;

import io.providerkind.kindserver.api.HttpApi;
import io.providerkind.kindserver.clusters.ClusterService;
import io.providerkind.kindserver.tls.TlsIdentity;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running kindserver. Closing it is the graceful shutdown: first the HTTPS API stops accepting (requests
 * in flight finish), then the cluster service waits for or stops its kind processes and records them, then
 * what both used (the Docker client, metrics binders) is released. Safe to close twice.
 */
public final class KindServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KindServer.class);

    private final HttpApi http;
    private final ClusterService clusters;
    private final TlsIdentity tls;
    private final List<AutoCloseable> resources;
    private final AtomicBoolean closed = new AtomicBoolean();

    KindServer(HttpApi http, ClusterService clusters, TlsIdentity tls, List<AutoCloseable> resources) {
        this.http = http;
        this.clusters = clusters;
        this.tls = tls;
        this.resources = List.copyOf(resources);
    }

    /** The HTTPS port actually bound. */
    public int port() {
        return http.port();
    }

    /** The certificate served; for a self-signed one its PEM is the clients' CA bundle. */
    public TlsIdentity tls() {
        return tls;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.info("stopping kindserver: no new requests");
        try {
            http.stop();
        } catch (RuntimeException e) {
            LOG.warn("the HTTPS API did not stop cleanly: {}", e.toString());
        }
        LOG.info("HTTPS API stopped; waiting for running kind processes");
        try {
            clusters.close();
        } catch (RuntimeException e) {
            LOG.error("the cluster service did not stop cleanly", e);
        }
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("could not release {}: {}", resource.getClass().getSimpleName(), e.toString());
            }
        }
        LOG.info("kindserver stopped");
    }
}
