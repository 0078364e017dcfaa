package io.providerkind.kindserver.bench;

import com.sun.management.ThreadMXBean;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.Arrays;
import java.util.List;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Another JVM on this machine, read through the JDK's local management agent (attach API): kindserver runs as
 * operators run it, and the benchmark asks it, before and after a run, how much its threads allocated and spent
 * ({@link ThreadMXBean}), how long its JIT compiled and how often it collected. Threads that end within a run take
 * their count with them, so an allocation figure can only be low, never high; the request threads of Jetty's pool
 * outlive a run.
 */
final class AttachedJvm implements AutoCloseable {

    private final JMXConnector connector;
    private final ThreadMXBean threads;
    private final CompilationMXBean compiler;
    private final List<GarbageCollectorMXBean> collectors;

    private AttachedJvm(
            JMXConnector connector,
            ThreadMXBean threads,
            CompilationMXBean compiler,
            List<GarbageCollectorMXBean> collectors) {
        this.connector = connector;
        this.threads = threads;
        this.compiler = compiler;
        this.collectors = collectors;
    }

    static AttachedJvm attach(long pid) throws IOException {
        String address;
        try {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
        } catch (AttachNotSupportedException e) {
            throw new IOException("cannot attach to JVM " + pid, e);
        }
        JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
        ThreadMXBean threads = ManagementFactory.newPlatformMXBeanProxy(
                connector.getMBeanServerConnection(), ManagementFactory.THREAD_MXBEAN_NAME, ThreadMXBean.class);
        CompilationMXBean compiler = ManagementFactory.newPlatformMXBeanProxy(
                connector.getMBeanServerConnection(),
                ManagementFactory.COMPILATION_MXBEAN_NAME,
                CompilationMXBean.class);
        List<GarbageCollectorMXBean> collectors = ManagementFactory.getPlatformMXBeans(
                connector.getMBeanServerConnection(), GarbageCollectorMXBean.class);
        return new AttachedJvm(connector, threads, compiler, collectors);
    }

    /**
     * Milliseconds the JIT has spent compiling so far: while it still grows under load, the request path is not all
     * compiled yet (on a busy 2-core machine C2's queue can lag a minute behind).
     */
    long compilationMillis() {
        return compiler.getTotalCompilationTime();
    }

    /**
     * What the JVM has spent besides running code, so far: time compiling, and its collections with the time they
     * took (for G1 and Serial, the time the application was stopped for young and full collections).
     */
    record Activity(long jitMillis, long collections, long gcMillis) {

        Activity minus(Activity before) {
            return new Activity(
                    jitMillis - before.jitMillis, collections - before.collections, gcMillis - before.gcMillis);
        }
    }

    Activity activity() {
        return new Activity(
                compilationMillis(),
                collectors.stream()
                        .mapToLong(GarbageCollectorMXBean::getCollectionCount)
                        .sum(),
                collectors.stream()
                        .mapToLong(GarbageCollectorMXBean::getCollectionTime)
                        .sum());
    }

    /** What some threads have spent so far: CPU time and allocated bytes. */
    record Spent(long cpuNanos, long allocatedBytes) {

        Spent minus(Spent before) {
            return new Spent(cpuNanos - before.cpuNanos, allocatedBytes - before.allocatedBytes);
        }
    }

    /**
     * What the threads alive now whose names start with {@code prefix} have spent: kindserver's request threads
     * (Jetty's pool, which also runs TLS and the selector) apart from its background work, such as listing Docker
     * again whenever any kind container on the shared engine changes.
     */
    Spent spent(String prefix) {
        long[] ids = Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds()))
                .filter(info -> info != null && info.getThreadName().startsWith(prefix))
                .mapToLong(ThreadInfo::getThreadId)
                .toArray();
        long cpu =
                Arrays.stream(threads.getThreadCpuTime(ids)).filter(t -> t > 0).sum();
        long bytes = Arrays.stream(threads.getThreadAllocatedBytes(ids))
                .filter(b -> b > 0)
                .sum();
        return new Spent(cpu, bytes);
    }

    @Override
    public void close() throws IOException {
        connector.close();
    }
}
