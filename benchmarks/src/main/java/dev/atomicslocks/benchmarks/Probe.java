package dev.atomicslocks.benchmarks;

import dev.atomicslocks.basics.AtomicI32;
import dev.atomicslocks.basics.Ordering;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

@State(Scope.Benchmark)
public class Probe {
    private final AtomicI32 value = new AtomicI32();

    @Benchmark
    public int load() {
        return value.load(Ordering.ACQUIRE);
    }
}
