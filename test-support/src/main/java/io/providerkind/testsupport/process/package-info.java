/**
 * Programs a test runs as processes of their own: a JVM ({@link io.providerkind.testsupport.process.JavaProcess})
 * and the docker CLI ({@link io.providerkind.testsupport.process.DockerCli}); and what Linux's /proc says a process
 * used ({@link io.providerkind.testsupport.process.ProcessUsage}), for the benchmarks.
 */
package io.providerkind.testsupport.process;
