/**
 * Proves the manifests under examples/ work when applied together: every document, and every resource its compositions
 * render (through a small patch-and-transform renderer, {@code PatchAndTransform}), is accepted by a real API server
 * holding this project's and Crossplane's CRDs without a field being dropped, and the examples name each other
 * correctly; the compositions' copies of the Job scripts equal their files ({@code JobScriptsInCompositionsTest}).
 * Start at {@code ExamplesAreValidAgainstTheRealCrdsTest}; the rest are package-private helpers.
 */
package io.providerkind.install.examples;
