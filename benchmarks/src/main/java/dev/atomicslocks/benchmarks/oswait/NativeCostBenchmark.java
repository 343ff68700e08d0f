package dev.atomicslocks.benchmarks.oswait;

import static dev.atomicslocks.basics.Ordering.ACQUIRE;
import static dev.atomicslocks.basics.Ordering.RELAXED;
import static dev.atomicslocks.basics.Ordering.RELEASE;

import dev.atomicslocks.basics.AtomicU32;
import dev.atomicslocks.oswait.FutexWord;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.TimeUnit;
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
 * What do native memory and a foreign call cost? These are the figures behind the design
 * choice of {@code os-wait}: the parking lot serves every word in the Java heap, and the futex
 * binding only native and shared memory.
 *
 * <ul>
 *   <li>{@code lockUnlock_heapWord}, {@code lockUnlock_nativeWord}: an uncontended lock and
 *       unlock as chapter 9's mutex does it (a compare-exchange from 0 to 1, then a release
 *       store of 0) on an {@code AtomicU32} in the heap and on a {@code FutexWord} in native
 *       memory; {@code lockUnlock_reentrantLock} is the {@code java.util.concurrent} counterpart.
 *   <li>{@code abs_foreignCall}: a call of the C library's {@code abs} through
 *       {@code java.lang.foreign}; {@code abs_foreignCallCritical} the same linked with
 *       {@code Linker.Option.critical}, which skips the thread-state transition; and
 *       {@code abs_java}, {@code Math.abs}, the same work without a foreign call. The differences
 *       are the cost of the call itself.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms256m", "-Xmx256m",
        "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
public class NativeCostBenchmark {

    private static final MethodHandle ABS = linkAbs(false);
    private static final MethodHandle ABS_CRITICAL = linkAbs(true);

    private AtomicU32 heapWord = new AtomicU32();
    /** Freed by the garbage collector with the state object. */
    private FutexWord nativeWord = FutexWord.allocate(Arena.ofAuto());
    private ReentrantLock reentrantLock = new ReentrantLock();
    /** A non-constant argument, so that no call can be folded away. */
    private int argument = -42;

    @Benchmark
    public boolean lockUnlock_heapWord() {
        boolean locked = heapWord.compareExchange(0, 1, ACQUIRE, RELAXED) == 0;
        heapWord.store(0, RELEASE);
        return locked;
    }

    @Benchmark
    public boolean lockUnlock_nativeWord() {
        boolean locked = nativeWord.compareExchange(0, 1, ACQUIRE, RELAXED) == 0;
        nativeWord.store(0, RELEASE);
        return locked;
    }

    @Benchmark
    public boolean lockUnlock_reentrantLock() {
        boolean locked = reentrantLock.tryLock();
        reentrantLock.unlock();
        return locked;
    }

    @Benchmark
    public int abs_foreignCall() throws Throwable {
        return (int) ABS.invokeExact(argument);
    }

    @Benchmark
    public int abs_foreignCallCritical() throws Throwable {
        return (int) ABS_CRITICAL.invokeExact(argument);
    }

    @Benchmark
    public int abs_java() {
        return Math.abs(argument);
    }

    @SuppressWarnings("restricted") // the forks run with --enable-native-access=ALL-UNNAMED
    private static MethodHandle linkAbs(boolean critical) {
        Linker linker = Linker.nativeLinker();
        MemorySegment abs = linker.defaultLookup().find("abs").orElseThrow(
                () -> new IllegalStateException("the C library has no abs function"));
        FunctionDescriptor intToInt = FunctionDescriptor.of(ValueLayout.JAVA_INT,
                ValueLayout.JAVA_INT);
        return critical
                ? linker.downcallHandle(abs, intToInt, Linker.Option.critical(false))
                : linker.downcallHandle(abs, intToInt);
    }
}
