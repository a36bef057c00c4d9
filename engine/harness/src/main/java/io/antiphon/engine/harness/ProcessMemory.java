package io.antiphon.engine.harness;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;

import org.bytedeco.javacpp.Pointer;

/**
 * A reading of the process's memory for the soak: used heap after a full collection, the JVM's direct and mapped
 * buffer pools, the native memory JavaCPP (ND4J's allocator) tracks, and the resident set as JavaCPP reads it.
 *
 * @param heapBytes     used heap after {@link System#gc()} (twice: ParallelGC then reports the live set)
 * @param offHeapBytes  direct + mapped buffer pools + JavaCPP's tracked native bytes
 * @param residentBytes the resident set, or -1 where JavaCPP cannot read it
 */
public record ProcessMemory(long heapBytes, long offHeapBytes, long residentBytes) {

    /** Collects garbage, then reads; allocates a little (the MXBeans), never on a hot path. */
    public static ProcessMemory read() {
        System.gc();
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long buffers = 0;
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            buffers += Math.max(0, pool.getMemoryUsed());
        }
        long javacpp;
        long resident;
        try {
            javacpp = Pointer.totalBytes();
            resident = Pointer.physicalBytes();
        } catch (LinkageError e) {
            javacpp = 0;
            resident = -1;
        }
        return new ProcessMemory(heap, buffers + javacpp, resident > 0 ? resident : -1);
    }
}
