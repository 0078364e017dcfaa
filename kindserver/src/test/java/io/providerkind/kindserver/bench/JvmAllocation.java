package io.providerkind.kindserver.bench;

import com.sun.management.ThreadMXBean;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The bytes another JVM on this machine has allocated, read from its own {@link ThreadMXBean} through the JDK's
 * local management agent (attach API): kindserver runs as operators run it, and the benchmark asks it how much its
 * threads allocated before and after a run. Threads that end within a run take their count with them, so a
 * figure can only be low, never high; the request threads of Jetty's pool outlive a run.
 */
final class JvmAllocation implements AutoCloseable {

    private final JMXConnector connector;
    private final ThreadMXBean threads;

    private JvmAllocation(JMXConnector connector, ThreadMXBean threads) {
        this.connector = connector;
        this.threads = threads;
    }

    static JvmAllocation attach(long pid) throws IOException {
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
        return new JvmAllocation(connector, threads);
    }

    /** Bytes allocated so far by the threads alive now. */
    long allocatedBytes() {
        long[] bytes = threads.getThreadAllocatedBytes(threads.getAllThreadIds());
        return Arrays.stream(bytes).filter(b -> b > 0).sum();
    }

    @Override
    public void close() throws IOException {
        connector.close();
    }
}
