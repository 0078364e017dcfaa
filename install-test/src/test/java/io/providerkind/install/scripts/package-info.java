/**
 * Runs the EDFBuilder's Job scripts (examples/edfbuilder-scripts) on this machine against real counterparts: a real
 * kube-apiserver for the admin Secret, and for the stacks repository a loopback Forgejo API ({@code LoopbackForgejo},
 * whose every request and answer is checked against Forgejo's vendored OpenAPI document, {@code ForgejoOpenApi})
 * that copies repositories with real git from {@code git http-backend} ({@code GitHttpBackend}). Start at the
 * {@code *ScriptTest} classes; {@code ScriptsInCompositionsTest} keeps the compositions' copies equal to the files.
 */
package io.providerkind.install.scripts;
