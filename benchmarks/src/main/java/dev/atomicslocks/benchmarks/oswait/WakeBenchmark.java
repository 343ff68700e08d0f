package dev.atomicslocks.benchmarks.oswait;

import dev.atomicslocks.basics.AtomicU32;
import dev.atomicslocks.oswait.AtomicWait;
import dev.atomicslocks.oswait.FutexWord;
import java.lang.foreign.Arena;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What does a wake cost when nobody waits? Every lock's unlock and every channel's send calls
 * one, so this is the price an uncontended user pays for being able to block.
 *
 * <ul>
 *   <li>{@code atomicWait_wakeOne}, {@code atomicWait_wakeAll}: the parking lot's wake on an
 *       {@code AtomicU32} that nobody waits on.
 *   <li>{@code baseline_volatileReadBranch}: one volatile read of a waiter count and a branch,
 *       the goal for the above.
 *   <li>{@code baseline_fullFenceVolatileReadBranch}: the same after a full fence. The parking
 *       lot's wake is this: a caller that published its change with a {@code RELEASE} store
 *       needs the fence, or its store and the read of the count could pass each other and a
 *       waiter that had just checked the old value would sleep through the wake.
 *   <li>{@code juc_conditionSignal}: the {@code java.util.concurrent} counterpart, signalling a
 *       {@code Condition} nobody waits on, which needs its lock.
 *   <li>{@code futex_wakeOne}: {@code FUTEX_WAKE} on a private futex word in native memory, a
 *       system call even when nobody waits.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms256m", "-Xmx256m",
        "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
public class WakeBenchmark {

    private AtomicU32 word = new AtomicU32();
    /** Stands for the parking lot's count of waiters in the baselines; always zero. */
    private volatile int waiters;
    private ReentrantLock lock = new ReentrantLock();
    private Condition condition = lock.newCondition();

    /** Freed by the garbage collector with the state object. */
    private FutexWord futex = FutexWord.allocate(Arena.ofAuto());

    @Benchmark
    public int atomicWait_wakeOne() {
        return AtomicWait.wakeOne(word);
    }

    @Benchmark
    public int atomicWait_wakeAll() {
        return AtomicWait.wakeAll(word);
    }

    @Benchmark
    public int baseline_volatileReadBranch() {
        return waiters == 0 ? 0 : 1;
    }

    @Benchmark
    public int baseline_fullFenceVolatileReadBranch() {
        VarHandle.fullFence();
        return waiters == 0 ? 0 : 1;
    }

    @Benchmark
    public void juc_conditionSignal() {
        lock.lock();
        try {
            condition.signal();
        } finally {
            lock.unlock();
        }
    }

    @Benchmark
    public int futex_wakeOne() {
        return futex.wakeOne();
    }
}
