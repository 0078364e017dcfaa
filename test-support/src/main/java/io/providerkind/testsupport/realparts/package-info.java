/**
 * Tests that need a real part of the machine: {@link io.providerkind.testsupport.realparts.RequiresDocker} and
 * {@link io.providerkind.testsupport.realparts.RequiresKubeApiServer} on a class or method, or
 * {@link io.providerkind.testsupport.realparts.RealParts#require} inside a test. A missing part fails the test under
 * {@code CI=true} and skips it elsewhere, with a message naming the repository's command that provides it.
 */
package io.providerkind.testsupport.realparts;
