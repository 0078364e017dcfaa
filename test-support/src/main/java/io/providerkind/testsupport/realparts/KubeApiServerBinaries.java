package io.providerkind.testsupport.realparts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where fabric8's kube-api-test finds kube-apiserver, etcd and kubectl: testing/kube-apiserver/install.sh
 * (run by {@code make setup}) puts them in {@code ${KUBE_API_TEST_DIR:-~/.kubeapitest}/k8s/1.20.2-linux-amd64}.
 * All three must be there, or kube-api-test would try to download them, which cannot work offline.
 */
public record KubeApiServerBinaries(Path directory) {

    /** The version install.sh builds; give it to {@code @EnableKubeAPIServer(kubeAPIVersion = ...)}. */
    public static final String VERSION = "1.20.2";

    private static final List<String> BINARIES = List.of("kube-apiserver", "etcd", "kubectl");

    public static KubeApiServerBinaries located() {
        Path base = Optional.ofNullable(System.getenv("KUBE_API_TEST_DIR"))
                .filter(dir -> !dir.isBlank())
                .map(Path::of)
                .orElse(Path.of(System.getProperty("user.home"), ".kubeapitest"));
        return new KubeApiServerBinaries(base.resolve("k8s").resolve(VERSION + "-linux-amd64"));
    }

    public boolean complete() {
        return BINARIES.stream().allMatch(binary -> Files.isExecutable(directory.resolve(binary)));
    }

    String missing() {
        return "kube-apiserver " + VERSION + ", etcd and kubectl are not all in " + directory
                + "; install them with testing/kube-apiserver/install.sh (or make setup)";
    }
}
