package io.providerkind.kindserver.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.ClusterList;
import io.providerkind.sdk.ImageLoad;
import io.providerkind.sdk.LoadImagesRequest;
import io.providerkind.sdk.LocalRegistry;
import io.providerkind.sdk.NodeInfo;
import java.lang.reflect.RecordComponent;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The served OpenAPI document describes exactly the routes kindserver serves, as they answer. */
class OpenApiDocumentTest {

    private static ApiTestServer server;
    private static JsonNode document;

    @BeforeAll
    static void fetch() {
        server = ApiTestServer.start();
        HttpResponse<String> response = server.call("GET", ApiPaths.OPENAPI, null);
        assertEquals(200, response.statusCode(), response.body());
        document = server.json(response);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void documentsEveryRouteOfTheRouteTableWithItsMethodAndStatuses() {
        for (Route route : server.api.routes()) {
            JsonNode operation = document.path("paths")
                    .path(route.path())
                    .path(route.method().name().toLowerCase());
            assertFalse(operation.isMissingNode(), route.method() + " " + route.path() + " is not documented");
            Set<Integer> documented = new TreeSet<>();
            operation
                    .path("responses")
                    .fieldNames()
                    .forEachRemaining(status -> documented.add(Integer.parseInt(status)));
            assertEquals(new TreeSet<>(route.statuses()), documented, route.method() + " " + route.path());
            boolean needsPassword = operation.path("security").size() > 0;
            assertEquals(
                    route.access() == Access.PASSWORD,
                    needsPassword,
                    route.method() + " " + route.path() + " security");
        }
    }

    @Test
    void documentsNoRouteThatIsNotServed() {
        Set<String> served = server.api.routes().stream()
                .map(route -> route.method().name().toLowerCase() + " " + route.path())
                .collect(Collectors.toSet());
        document.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue()
                        .fieldNames()
                        .forEachRemaining(method -> assertTrue(
                                served.contains(method + " " + path.getKey()),
                                method + " " + path.getKey() + " is documented but not served")));
    }

    @Test
    void describesTheBearerSchemeTheRoutesReferTo() {
        JsonNode scheme = document.path("components").path("securitySchemes").path(ClusterRoutes.SECURITY);

        assertEquals("http", scheme.path("type").asText());
        assertEquals("bearer", scheme.path("scheme").asText());
    }

    @Test
    void describesTheWireRecordsByTheirComponentsOnly() {
        assertEquals(components(ClusterInfo.class), properties("ClusterInfo"));
        assertEquals(components(NodeInfo.class), properties("NodeInfo"));
        assertEquals(components(ClusterList.class), properties("ClusterList"));
        assertEquals(components(ImageLoad.class), properties("ImageLoad"));
        assertEquals(components(LocalRegistry.class), properties("LocalRegistry"));
        assertEquals(components(LoadImagesRequest.class), properties("LoadImagesRequest"));
        assertTrue(document.path("components")
                .path("schemas")
                .path("NodeInfo")
                .path("required")
                .isMissingNode());
    }

    @Test
    void describesTheCreateBodyAndPathParameter() {
        JsonNode create = document.path("paths").path(ApiPaths.CLUSTER).path("post");

        assertEquals(
                "#/components/schemas/CreateClusterRequest",
                create.path("requestBody")
                        .path("content")
                        .path("application/json")
                        .path("schema")
                        .path("$ref")
                        .asText());
        assertEquals("name", create.path("parameters").path(0).path("name").asText());
        assertEquals("path", create.path("parameters").path(0).path("in").asText());
    }

    @Test
    void describesTheImagesBody() {
        assertEquals(
                "#/components/schemas/LoadImagesRequest",
                document.path("paths")
                        .path(ApiPaths.IMAGES)
                        .path("post")
                        .path("requestBody")
                        .path("content")
                        .path("application/json")
                        .path("schema")
                        .path("$ref")
                        .asText());
    }

    private static Set<String> properties(String schema) {
        Set<String> names = new TreeSet<>();
        document.path("components")
                .path("schemas")
                .path(schema)
                .path("properties")
                .fieldNames()
                .forEachRemaining(names::add);
        return names;
    }

    private static Set<String> components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
