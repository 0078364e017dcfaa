package io.providerkind.kindserver.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.providerkind.sdk.ClusterInfo;
import io.providerkind.sdk.WaitForChange;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON of each cluster's GET answer, serialised once per state of the cluster: provider-kind polls every
 * cluster it manages, and a cluster's answer (kubeconfigs included, ~12 KB) changes only when the cluster does.
 * An answer is reused only for a {@link ClusterInfo} equal to the one it was made from, so no change can be
 * missed, whichever part of kindserver made it; the bytes are those {@code ctx.json} wrote for it (Jackson's
 * string as UTF-8), so clients see the same bytes as before. Each answer has an ETag made from its bytes, which
 * long-polls wait on ({@link ChangeWaits}). Answers of clusters that are gone are dropped ({@link #forget}: where a
 * GET finds the cluster gone, and where kindserver tells of a change that leaves it gone), and the map is bounded,
 * for names that are never asked again.
 */
final class ClusterAnswers {

    /** Far more clusters than one Docker host runs; past it the map starts afresh rather than growing. */
    static final int MAX_CLUSTERS = 1_024;

    /**
     * The bytes made from one state of a cluster, and their ETag.
     *
     * @param etag 128 bits of the bytes' SHA-256, base64url, quoted as an HTTP entity tag
     */
    record Answer(ClusterInfo cluster, byte[] json, String etag) {

        /**
         * Readies {@code ctx} to send these bytes as they are: JSON, with their ETag and their length, never
         * compressed. With the length known Jetty sends the head and the whole body in one write, and the client
         * has its answer when that arrives; without it, an answer larger than Jetty's 8 KB aggregation buffer
         * (a Ready cluster's is about 12 KB) went out chunked, its closing chunk a TLS record and a write of its
         * own once the handler had returned. Not compressed because compressing happens per request: a gzip
         * of every poll's 12 KB would cost about as much CPU as the rest of the GET (README, kindserver GET),
         * for clients that reach kindserver on its Docker host or next to it.
         */
        Context prepare(Context ctx) {
            ctx.disableCompression(); // before the output stream is first asked for: Javalin decides there
            ctx.res().setContentLength(json.length);
            return ctx.contentType(ContentType.APPLICATION_JSON).header(WaitForChange.ETAG_HEADER, etag);
        }

        /** {@link #prepare} and these bytes as the result, for answers Javalin writes once the handler is done. */
        void setResultOn(Context ctx) {
            prepare(ctx).result(json);
        }
    }

    private final ObjectMapper json;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    ClusterAnswers(ObjectMapper json) {
        this.json = json;
    }

    /** The JSON of {@code cluster}; the array is shared between requests and must not be changed. */
    byte[] of(ClusterInfo cluster) {
        return answer(cluster).json();
    }

    /** The answer of {@code cluster}, made once per state of it. */
    Answer answer(ClusterInfo cluster) {
        Answer known = answers.get(cluster.name());
        if (known != null && known.cluster().equals(cluster)) {
            return known;
        }
        byte[] bytes = serialise(cluster);
        Answer made = new Answer(cluster, bytes, etag(bytes));
        if (answers.size() >= MAX_CLUSTERS) {
            answers.clear();
        }
        answers.put(cluster.name(), made);
        return made;
    }

    /** The clusters whose answers are kept. */
    Set<String> names() {
        return Set.copyOf(answers.keySet());
    }

    /** Drops the answer of a cluster that is gone: it held the cluster's kubeconfigs. */
    void forget(String name) {
        answers.remove(name);
    }

    private byte[] serialise(ClusterInfo cluster) {
        try {
            return json.writeValueAsString(cluster).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            // a ClusterInfo is records, strings and instants: the mapper cannot fail on one
            throw new IllegalStateException("cannot serialise cluster " + cluster.name(), e);
        }
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-256", e);
        }
    }
}
