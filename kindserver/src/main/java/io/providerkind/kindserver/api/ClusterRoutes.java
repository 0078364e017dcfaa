package io.providerkind.kindserver.api;

import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import io.providerkind.kindserver.clusters.ClusterService;
import io.providerkind.kindserver.clusters.ClusterService.CreateOutcome;
import io.providerkind.kindserver.clusters.ClusterService.DeleteOutcome;
import io.providerkind.kindserver.clusters.ServiceUnavailableException;
import io.providerkind.kindserver.kind.ClusterName;
import io.providerkind.kindserver.kind.KindConfig;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.ClusterList;
import io.providerkind.sdk.CreateClusterRequest;
import io.providerkind.sdk.ErrorBody;
import io.providerkind.sdk.WaitForChange;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The cluster API of docs/design.md, a thin translation of {@link ClusterService}. Names and kind configs are
 * checked here, with the engine's own rules ({@link ClusterName}, {@link KindConfig}), so that bad input is
 * answered with a 400 before the service, let alone a kind process, sees it.
 */
final class ClusterRoutes {

    static final String SECURITY = "BearerAuth";
    static final String NAME_RULE = "kind's rule ^[a-z0-9.-]+$, at most 50 characters, starting with a letter or digit";

    private final ClusterService clusters;
    private final RequestBodies requestBodies;
    private final ClusterAnswers answers;
    private final ChangeWaits waits;

    ClusterRoutes(ClusterService clusters, RequestBodies requestBodies, ClusterAnswers answers, ChangeWaits waits) {
        this.clusters = clusters;
        this.requestBodies = requestBodies;
        this.answers = answers;
        this.waits = waits;
    }

    @OpenApi(
            path = ApiPaths.CLUSTERS,
            methods = HttpMethod.GET,
            operationId = "listClusters",
            tags = "clusters",
            summary = "Every cluster kindserver knows (its own and those made by hand with kind), without kubeconfigs,"
                    + " and the local registry kindserver runs for them (--registry; absent when none)",
            security = @OpenApiSecurity(name = SECURITY),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = ClusterList.class)),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(
                        status = "429",
                        description = "too many wrong passwords from this address; see Retry-After",
                        content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(
                        status = "503",
                        description = "not_ready: Docker does not answer, or kindserver is starting or stopping",
                        content = @OpenApiContent(from = ErrorBody.class))
            })
    void list(Context ctx) {
        ctx.json(new ClusterList(
                clusters.list().stream().map(ClusterInfo::withoutKubeconfigs).toList(),
                clusters.registry().orElse(null)));
    }

    @OpenApi(
            path = ApiPaths.CLUSTER,
            methods = HttpMethod.GET,
            operationId = "getCluster",
            tags = "clusters",
            summary = "One cluster with its kubeconfigs; with waitForChange, once its answer is another one",
            description = "Every answer carries an ETag. With waitForChange set to it, the GET is held until the"
                    + " cluster's answer has another ETag (200), the cluster is gone (404) or timeoutSeconds pass"
                    + " (304, no body: the answer held is still current).",
            security = @OpenApiSecurity(name = SECURITY),
            pathParams = @OpenApiParam(name = "name", required = true, description = NAME_RULE),
            queryParams = {
                @OpenApiParam(
                        name = WaitForChange.PARAMETER,
                        description = "the ETag of an earlier answer: answer once the cluster's answer is another"),
                @OpenApiParam(
                        name = WaitForChange.TIMEOUT_PARAMETER,
                        type = Integer.class,
                        description = "with waitForChange: the longest wait in seconds, 1 to 25 (default 20)")
            },
            responses = {
                @OpenApiResponse(
                        status = "200",
                        description = "the cluster (with waitForChange: as it is after a change); header ETag",
                        content = @OpenApiContent(from = ClusterInfo.class)),
                @OpenApiResponse(
                        status = "304",
                        description = "waitForChange: timeoutSeconds passed and the answer is still the one named"),
                @OpenApiResponse(
                        status = "400",
                        description = "bad name, waitForChange or timeoutSeconds",
                        content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(
                        status = "429",
                        description = "too many wrong passwords from this address; see Retry-After",
                        content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(
                        status = "404",
                        description = "unknown cluster (with waitForChange: also one gone while waiting)",
                        content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(
                        status = "503",
                        description = "not_ready: Docker does not answer, kindserver is starting or stopping, or"
                                + " too many GETs wait for changes; see Retry-After",
                        content = @OpenApiContent(from = ErrorBody.class))
            })
    void get(Context ctx) {
        ClusterName name = new ClusterName(ctx.pathParam("name"));
        Optional<WaitRequest> wait = WaitRequest.of(ctx);
        Optional<ClusterInfo> cluster = clusters.get(name.value());
        if (cluster.isEmpty()) {
            answers.forget(name.value());
            throw ApiException.clusterNotFound(name.value());
        }
        ClusterAnswers.Answer answer = answers.answer(cluster.get());
        if (wait.isPresent() && wait.get().etag().equals(answer.etag())) {
            hold(ctx, name.value(), wait.get());
            return;
        }
        // what ctx.json would write, serialised only when the cluster changed (the hot path of every poll); written
        // to the output stream rather than set as the result, which Javalin copies through a new 32 KB buffer per
        // response
        answer.prepare(ctx);
        try {
            ctx.outputStream().write(answer.json());
        } catch (IOException clientGone) {
            // the connection is closed: there is no one left to answer, and nothing went wrong in kindserver
        }
    }

    /** Answers once the wait ends, from the thread that ends it: no Jetty thread waits meanwhile. */
    private void hold(Context ctx, String name, WaitRequest wait) {
        CompletableFuture<ChangeWaits.Outcome> outcome = waits.hold(name, wait.etag(), wait.timeout())
                .orElseThrow(() -> new ServiceUnavailableException(
                        "too many GETs wait for changes; wait a little, or GET without " + WaitForChange.PARAMETER));
        ctx.future(() -> outcome.thenAccept(ended -> {
            if (ended instanceof ChangeWaits.Outcome.Changed changed) {
                changed.answer().setResultOn(ctx);
            } else if (ended instanceof ChangeWaits.Outcome.TimedOut) {
                ctx.status(304).header(WaitForChange.ETAG_HEADER, wait.etag());
            } else if (ended instanceof ChangeWaits.Outcome.Gone) {
                throw ApiException.clusterNotFound(name);
            } else {
                throw new ServiceUnavailableException("kindserver is stopping");
            }
        }));
    }

    @OpenApi(
            path = ApiPaths.CLUSTER,
            methods = HttpMethod.POST,
            operationId = "createCluster",
            tags = "clusters",
            summary = "Starts creating a cluster and returns at once; poll GET for its phase and progress",
            security = @OpenApiSecurity(name = SECURITY),
            pathParams = @OpenApiParam(name = "name", required = true, description = NAME_RULE),
            requestBody =
                    @OpenApiRequestBody(
                            required = true,
                            content = @OpenApiContent(from = CreateClusterRequest.class),
                            description = "kindConfig: a kind Cluster of kind.x-k8s.io/v1alpha4 as YAML; owner"
                                    + " (optional, 1 to 253 printable ASCII characters): who the cluster belongs to"),
            responses = {
                @OpenApiResponse(
                        status = "202",
                        description = "creation runs in the background",
                        content = @OpenApiContent(from = ClusterInfo.class)),
                @OpenApiResponse(
                        status = "200",
                        description = "the cluster exists with the same config",
                        content = @OpenApiContent(from = ClusterInfo.class)),
                @OpenApiResponse(
                        status = "400",
                        description = "bad name, body or kind config",
                        content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(
                        status = "429",
                        description = "too many wrong passwords from this address; see Retry-After",
                        content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(
                        status = "409",
                        description = "the cluster belongs to another owner, exists with another config, or is busy",
                        content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(
                        status = "413",
                        description = "body larger than --max-body-bytes",
                        content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(
                        status = "503",
                        description = "not_ready: Docker does not answer, or kindserver is starting or stopping",
                        content = @OpenApiContent(from = ErrorBody.class))
            })
    void create(Context ctx) {
        ClusterName name = new ClusterName(ctx.pathParam("name"));
        CreateClusterRequest request = requestBodies.read(ctx);
        KindConfig kindConfig = KindConfig.parse(request.kindConfig());
        CreateOutcome outcome = clusters.create(name, kindConfig, request.owner());
        // Java 17 has no pattern switch; the sealed interface still makes these the only two answers
        answer(ctx.status(outcome instanceof CreateOutcome.Exists ? 200 : 202), outcome.cluster());
    }

    /**
     * The cluster as a GET of it answers now, with that answer's ETag: a client may wait on it for the next change
     * without a GET of its own.
     */
    private void answer(Context ctx, ClusterInfo cluster) {
        ClusterAnswers.Answer answer = answers.answer(cluster);
        answer.setResultOn(ctx);
    }

    @OpenApi(
            path = ApiPaths.CLUSTER,
            methods = HttpMethod.DELETE,
            operationId = "deleteCluster",
            tags = "clusters",
            summary = "Starts deleting a cluster (stopping a running create first) and returns at once",
            security = @OpenApiSecurity(name = SECURITY),
            pathParams = @OpenApiParam(name = "name", required = true, description = NAME_RULE),
            responses = {
                @OpenApiResponse(
                        status = "202",
                        description = "deletion runs in the background",
                        content = @OpenApiContent(from = ClusterInfo.class)),
                @OpenApiResponse(
                        status = "400",
                        description = "bad name",
                        content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(
                        status = "429",
                        description = "too many wrong passwords from this address; see Retry-After",
                        content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(
                        status = "404",
                        description = "unknown cluster: already gone",
                        content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(
                        status = "409",
                        description = "another operation on the cluster is running",
                        content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(
                        status = "503",
                        description = "not_ready: Docker does not answer, or kindserver is starting or stopping",
                        content = @OpenApiContent(from = ErrorBody.class))
            })
    void delete(Context ctx) {
        ClusterName name = new ClusterName(ctx.pathParam("name"));
        DeleteOutcome outcome = clusters.delete(name.value());
        if (outcome instanceof DeleteOutcome.Deleting deleting) {
            answer(ctx.status(202), deleting.cluster());
        } else {
            throw ApiException.clusterNotFound(name.value());
        }
    }
}
