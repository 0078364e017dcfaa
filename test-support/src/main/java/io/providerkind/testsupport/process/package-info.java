/**
 * Programs a test runs as processes of their own: a JVM ({@link io.providerkind.testsupport.process.JavaProcess})
 * and the docker CLI ({@link io.providerkind.testsupport.process.DockerCli}).
 */
package io.providerkind.testsupport.process;
