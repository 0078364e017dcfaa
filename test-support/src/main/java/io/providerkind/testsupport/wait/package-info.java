/**
 * Waiting for what happens asynchronously, with Awaitility: {@link io.providerkind.testsupport.wait.Waits#await}
 * starts every wait, and {@link io.providerkind.testsupport.wait.RunningProcess} waits on a started program that
 * may die before it answers.
 */
package io.providerkind.testsupport.wait;
