/**
 * Checks of what a user installs and runs, as the README describes it, one subpackage per kind of artefact:
 * {@code examples} (the manifests under examples/), {@code scripts} (the EDFBuilder's Job scripts under
 * examples/edfbuilder-scripts, run against real counterparts), {@code xpkg} (the Crossplane package) and {@code launch}
 * (the jars and the provider image). This package holds only what they share: {@link RepositoryPaths}. The rule that a
 * missing real part (API server binaries, Docker) fails a test under CI and skips it elsewhere comes from the
 * test-support module ({@code io.providerkind.testsupport.realparts}).
 */
package io.providerkind.install;
