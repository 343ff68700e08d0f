package dev.atomicslocks.benchmarks;

import dev.atomicslocks.basics.AtomicI32;
import dev.atomicslocks.basics.Ordering;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Does {@link AtomicI32} cost anything over the VarHandle call it stands for? Each operation
 * (load, store, compare-exchange, fetch-add) at each ordering it accepts is measured three
 * ways in one run: through the wrapper, through a raw {@link VarHandle} in the access mode
 * the wrapper documents for that ordering, and through {@link AtomicInteger} where it has a
 * method in that mode. {@link ZeroCostCheck} pairs them by name and fails if a wrapper is
 * more than 5% slower than its baseline.
 *
 * <p>The figures also hold for {@code AtomicU32}: both types inherit these operations, unchanged,
 * from one package-private base class.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = BenchmarkSettings.FORKS, jvmArgsAppend = {
        "-Xms256m", "-Xmx256m", BenchmarkSettings.ALLOW_UNSAFE})
@Warmup(iterations = BenchmarkSettings.WARMUP_ITERATIONS,
        time = BenchmarkSettings.ITERATION_MILLIS, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = BenchmarkSettings.MEASUREMENT_ITERATIONS,
        time = BenchmarkSettings.ITERATION_MILLIS, timeUnit = TimeUnit.MILLISECONDS)
public class AtomicI32Benchmark {

    /*
     * Method names read operation_ordering_implementation; ZeroCostCheck relies on that to
     * pair each "wrapper" method with the baselines of the same operation and ordering.
     * A compare-exchange is named for its success ordering; its failure ordering is the load
     * half of it (RELAXED for RELAXED and RELEASE, ACQUIRE for ACQUIRE and ACQ_REL, SEQ_CST
     * for SEQ_CST), as Rust code usually writes it.
     *
     * Measurement hygiene, single-threaded:
     * - The ordering is a literal in each method, as callers of the library write it. A
     *   @Param would hand the wrapper an ordering read from a field, which the JIT cannot
     *   fold; that would measure a dispatch no real caller pays.
     * - The three targets and the operands sit in non-final fields, so the JIT cannot treat
     *   the atomic, or the value stored into it, as a constant.
     * - Every result is returned, so JMH's blackhole consumes it.
     * - Each compare-exchange expects the value the atomics hold and stores it back unchanged:
     *   it succeeds on every call, and no call changes what the next one sees.
     * - The raw baseline reaches its field through a separate object, as the wrapper and
     *   AtomicInteger do, so all three pay the same field load and null check.
     */

    private static final VarHandle CELL_VALUE;

    static {
        try {
            CELL_VALUE = MethodHandles.lookup().findVarHandle(IntCell.class, "value", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The value every target starts with, and the one compare-exchange expects. */
    private static final int INITIAL = 42;

    /** The target of the raw VarHandle baselines. */
    static final class IntCell {
        @SuppressWarnings("UnusedVariable") // only reached through CELL_VALUE
        private int value = INITIAL;
    }

    private AtomicI32 wrapper = new AtomicI32(INITIAL);
    private IntCell cell = new IntCell();
    private AtomicInteger atomicInteger = new AtomicInteger(INITIAL);

    /** What compare-exchange expects and stores back: the value the targets hold. */
    private int expected = INITIAL;
    /** What a store writes: the value the targets already hold. */
    private int operand = INITIAL;
    /** What fetch-add adds. */
    private int delta = 1;

    // ---- load ---------------------------------------------------------------------------

    @Benchmark
    public int load_relaxed_wrapper() {
        return wrapper.load(Ordering.RELAXED);
    }

    @Benchmark
    public int load_relaxed_varHandle() {
        return (int) CELL_VALUE.getOpaque(cell);
    }

    @Benchmark
    public int load_relaxed_atomicInteger() {
        return atomicInteger.getOpaque();
    }

    @Benchmark
    public int load_acquire_wrapper() {
        return wrapper.load(Ordering.ACQUIRE);
    }

    @Benchmark
    public int load_acquire_varHandle() {
        return (int) CELL_VALUE.getAcquire(cell);
    }

    @Benchmark
    public int load_acquire_atomicInteger() {
        return atomicInteger.getAcquire();
    }

    @Benchmark
    public int load_seqCst_wrapper() {
        return wrapper.load(Ordering.SEQ_CST);
    }

    @Benchmark
    public int load_seqCst_varHandle() {
        return (int) CELL_VALUE.getVolatile(cell);
    }

    @Benchmark
    public int load_seqCst_atomicInteger() {
        return atomicInteger.get();
    }

    // ---- store --------------------------------------------------------------------------

    @Benchmark
    public void store_relaxed_wrapper() {
        wrapper.store(operand, Ordering.RELAXED);
    }

    @Benchmark
    public void store_relaxed_varHandle() {
        CELL_VALUE.setOpaque(cell, operand);
    }

    @Benchmark
    public void store_relaxed_atomicInteger() {
        atomicInteger.setOpaque(operand);
    }

    @Benchmark
    public void store_release_wrapper() {
        wrapper.store(operand, Ordering.RELEASE);
    }

    @Benchmark
    public void store_release_varHandle() {
        CELL_VALUE.setRelease(cell, operand);
    }

    @Benchmark
    public void store_release_atomicInteger() {
        atomicInteger.setRelease(operand);
    }

    @Benchmark
    public void store_seqCst_wrapper() {
        wrapper.store(operand, Ordering.SEQ_CST);
    }

    @Benchmark
    public void store_seqCst_varHandle() {
        CELL_VALUE.setVolatile(cell, operand);
    }

    @Benchmark
    public void store_seqCst_atomicInteger() {
        atomicInteger.set(operand);
    }

    // ---- compareExchange ----------------------------------------------------------------

    @Benchmark
    public int compareExchange_relaxed_wrapper() {
        return wrapper.compareExchange(expected, expected, Ordering.RELAXED, Ordering.RELAXED);
    }

    @Benchmark
    public int compareExchange_relaxed_varHandle() {
        return (int) CELL_VALUE.compareAndExchangeAcquire(cell, expected, expected);
    }

    @Benchmark
    public int compareExchange_relaxed_atomicInteger() {
        return atomicInteger.compareAndExchangeAcquire(expected, expected);
    }

    @Benchmark
    public int compareExchange_acquire_wrapper() {
        return wrapper.compareExchange(expected, expected, Ordering.ACQUIRE, Ordering.ACQUIRE);
    }

    @Benchmark
    public int compareExchange_acquire_varHandle() {
        return (int) CELL_VALUE.compareAndExchangeAcquire(cell, expected, expected);
    }

    @Benchmark
    public int compareExchange_acquire_atomicInteger() {
        return atomicInteger.compareAndExchangeAcquire(expected, expected);
    }

    @Benchmark
    public int compareExchange_release_wrapper() {
        return wrapper.compareExchange(expected, expected, Ordering.RELEASE, Ordering.RELAXED);
    }

    @Benchmark
    public int compareExchange_release_varHandle() {
        return (int) CELL_VALUE.compareAndExchangeRelease(cell, expected, expected);
    }

    @Benchmark
    public int compareExchange_release_atomicInteger() {
        return atomicInteger.compareAndExchangeRelease(expected, expected);
    }

    @Benchmark
    public int compareExchange_acqRel_wrapper() {
        return wrapper.compareExchange(expected, expected, Ordering.ACQ_REL, Ordering.ACQUIRE);
    }

    @Benchmark
    public int compareExchange_acqRel_varHandle() {
        return (int) CELL_VALUE.compareAndExchange(cell, expected, expected);
    }

    @Benchmark
    public int compareExchange_acqRel_atomicInteger() {
        return atomicInteger.compareAndExchange(expected, expected);
    }

    @Benchmark
    public int compareExchange_seqCst_wrapper() {
        return wrapper.compareExchange(expected, expected, Ordering.SEQ_CST, Ordering.SEQ_CST);
    }

    @Benchmark
    public int compareExchange_seqCst_varHandle() {
        return (int) CELL_VALUE.compareAndExchange(cell, expected, expected);
    }

    @Benchmark
    public int compareExchange_seqCst_atomicInteger() {
        return atomicInteger.compareAndExchange(expected, expected);
    }

    // ---- fetchAdd (AtomicInteger has getAndAdd in the volatile mode only) ---------------

    @Benchmark
    public int fetchAdd_relaxed_wrapper() {
        return wrapper.fetchAdd(delta, Ordering.RELAXED);
    }

    @Benchmark
    public int fetchAdd_relaxed_varHandle() {
        return (int) CELL_VALUE.getAndAddAcquire(cell, delta);
    }

    @Benchmark
    public int fetchAdd_acquire_wrapper() {
        return wrapper.fetchAdd(delta, Ordering.ACQUIRE);
    }

    @Benchmark
    public int fetchAdd_acquire_varHandle() {
        return (int) CELL_VALUE.getAndAddAcquire(cell, delta);
    }

    @Benchmark
    public int fetchAdd_release_wrapper() {
        return wrapper.fetchAdd(delta, Ordering.RELEASE);
    }

    @Benchmark
    public int fetchAdd_release_varHandle() {
        return (int) CELL_VALUE.getAndAddRelease(cell, delta);
    }

    @Benchmark
    public int fetchAdd_acqRel_wrapper() {
        return wrapper.fetchAdd(delta, Ordering.ACQ_REL);
    }

    @Benchmark
    public int fetchAdd_acqRel_varHandle() {
        return (int) CELL_VALUE.getAndAdd(cell, delta);
    }

    @Benchmark
    public int fetchAdd_acqRel_atomicInteger() {
        return atomicInteger.getAndAdd(delta);
    }

    @Benchmark
    public int fetchAdd_seqCst_wrapper() {
        return wrapper.fetchAdd(delta, Ordering.SEQ_CST);
    }

    @Benchmark
    public int fetchAdd_seqCst_varHandle() {
        return (int) CELL_VALUE.getAndAdd(cell, delta);
    }

    @Benchmark
    public int fetchAdd_seqCst_atomicInteger() {
        return atomicInteger.getAndAdd(delta);
    }
}
