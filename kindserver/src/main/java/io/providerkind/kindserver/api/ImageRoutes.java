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
import io.providerkind.kindserver.clusters.ClusterService.LoadOutcome;
import io.providerkind.kindserver.kind.ClusterName;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.ErrorBody;
import io.providerkind.sdk.LoadImagesRequest;

/**
 * {@code POST /api/v1/kindserver/{name}/images}: loads images of the Docker host into a Ready cluster's nodes in the
 * background. The list is checked with the SDK's own rule before the service sees it.
 */
final class ImageRoutes {

    private final ClusterService clusters;
    private final RequestBodies requestBodies;
    private final ClusterAnswers answers;

    ImageRoutes(ClusterService clusters, RequestBodies requestBodies, ClusterAnswers answers) {
        this.clusters = clusters;
        this.requestBodies = requestBodies;
        this.answers = answers;
    }

    @OpenApi(
            path = ApiPaths.IMAGES,
            methods = HttpMethod.POST,
            operationId = "loadImages",
            tags = "clusters",
            summary = "Loads images of the Docker host into every node of a Ready cluster, in the background",
            description =
                    "Answers at once; the cluster's GET shows each image's state (Pending, Loading, Loaded,"
                            + " Failed with kind's message) and its ETag changes with each. One image loads after another"
                            + " (kind load docker-image); an image Pending, Loading or Loaded is not loaded again, a Failed"
                            + " one is. The list lives in kindserver's memory: a restart or a delete of the cluster forgets it.",
            security = @OpenApiSecurity(name = ClusterRoutes.SECURITY),
            pathParams = @OpenApiParam(name = "name", required = true, description = ClusterRoutes.NAME_RULE),
            requestBody =
                    @OpenApiRequestBody(
                            required = true,
                            content = @OpenApiContent(from = LoadImagesRequest.class),
                            description = "images: 1 to " + LoadImagesRequest.MAX_IMAGES + " image references of"
                                    + " the Docker host ([host[:port]/]path[:tag][@digest])"),
            responses = {
                @OpenApiResponse(
                        status = "202",
                        description = "the loads are queued; the cluster with its images; header ETag",
                        content = @OpenApiContent(from = ClusterInfo.class)),
                @OpenApiResponse(
                        status = "400",
                        description = "bad name or body: no image, more than " + LoadImagesRequest.MAX_IMAGES
                                + ", or a malformed reference",
                        content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(
                        status = "404",
                        description = "unknown cluster",
                        content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(
                        status = "409",
                        description = "the cluster is not Ready",
                        content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(
                        status = "413",
                        description = "body larger than --max-body-bytes",
                        content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(
                        status = "429",
                        description = "too many wrong passwords from this address; see Retry-After",
                        content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(
                        status = "503",
                        description = "not_ready: Docker does not answer, or kindserver is starting or stopping",
                        content = @OpenApiContent(from = ErrorBody.class))
            })
    void load(Context ctx) {
        ClusterName name = new ClusterName(ctx.pathParam("name"));
        LoadImagesRequest request = requestBodies.readLoadImages(ctx);
        LoadOutcome outcome =
                clusters.loadImages(name, request.images().stream().distinct().toList());
        if (outcome instanceof LoadOutcome.Accepted accepted) {
            ClusterAnswers.Answer answer = answers.answer(accepted.cluster());
            answer.setResultOn(ctx.status(202));
        } else {
            throw ApiException.clusterNotFound(name.value());
        }
    }
}
