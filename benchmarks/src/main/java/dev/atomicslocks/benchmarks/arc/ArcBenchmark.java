package dev.atomicslocks.benchmarks.arc;

import dev.atomicslocks.arc.Arc;
import dev.atomicslocks.arc.steps.BasicArc;
import dev.atomicslocks.arc.steps.OptimizedArc;
import dev.atomicslocks.arc.steps.WeakArc;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Chapter 6's cost question: what does opening and closing one more handle of a shared value
 * cost with {@code Arc} (a clone and a close), against a plain {@code AtomicInteger}
 * reference count (an increment with an overflow check and a decrement that drops at zero),
 * and against the book's three steps?
 *
 * <ul>
 *   <li>{@code cloneClose_*}: one thread, its own value, the clone closed in the same method
 *       (the JIT may then remove the handle object).
 *   <li>{@code cloneClose_arcEscaping}: the clone is handed to a blackhole before it is
 *       closed, so the handle object is really allocated.
 *   <li>{@code cloneClose_arcLeakSampling}: leak sampling at its default (one handle in
 *       4096 watched), where the other {@code Arc} benchmarks turn it off.
 *   <li>{@code cloneClose_atomicIntegerCasMark}: the count plus a handle object whose
 *       "closed" mark is set by a compare-exchange: what a per-handle check that also
 *       catches two threads closing one handle at once would cost.
 *   <li>{@code contended_*}: two threads on one value (two cores), each cloning and closing
 *       from a handle of its own.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms256m", "-Xmx256m",
        "--sun-misc-unsafe-memory-access=allow"})
@Warmup(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
public class ArcBenchmark {

    /** Refuses counts past this, as the Arc does: the baseline checks overflow as well. */
    static final int MAX_COUNT = (1 << 29) - 1;

    /** The shared values; creating them sets the leak sampling of the whole fork. */
    public abstract static class Values {
        final AtomicInteger count = new AtomicInteger(1);
        /** Incremented by the baseline's drop: never, as long as the first handle lives. */
        int baselineDrops;
        final Arc<Object> arc;
        final BasicArc<Object> basicArc = new BasicArc<>(new Object());
        final WeakArc<Object> weakArc = new WeakArc<>(new Object());
        final OptimizedArc<Object> optimizedArc = new OptimizedArc<>(new Object());

        Values(int leakSampling) {
            Arc.setLeakSampling(leakSampling);
            arc = Arc.of(new Object());
        }
    }

    /** One set of values per thread, leak sampling off: nobody contends. */
    @State(Scope.Thread)
    public static class Own extends Values {
        public Own() {
            super(0);
        }
    }

    /** The same, with leak sampling on for the clones: one handle in {@code sampling}. */
    @State(Scope.Thread)
    public static class OwnSampled extends Values {
        @Param("4096")
        int sampling;

        public OwnSampled() {
            super(0);
        }

        @Setup
        public void sampleClones() {
            Arc.setLeakSampling(sampling);
        }
    }

    /** One set of values shared by all threads, leak sampling off. */
    @State(Scope.Benchmark)
    public static class Shared extends Values {
        public Shared() {
            super(0);
        }
    }

    @Benchmark
    public void cloneClose_atomicInteger(Own values) {
        baseline(values);
    }

    @Benchmark
    public void cloneClose_atomicIntegerCasMark(Own values) {
        int previous = values.count.getAndIncrement();
        if (previous <= 0 || previous >= MAX_COUNT) {
            values.count.getAndDecrement();
            throw new IllegalStateException("count overflow");
        }
        CasMarkedHandle handle = new CasMarkedHandle();
        handle.close();
        if (values.count.getAndDecrement() == 1) {
            values.baselineDrops++;
        }
    }

    @Benchmark
    public void cloneClose_arc(Own values) {
        values.arc.clone().close();
    }

    @Benchmark
    public void cloneClose_arcEscaping(Own values, Blackhole hole) {
        Arc<Object> clone = values.arc.clone();
        hole.consume(clone);
        clone.close();
    }

    @Benchmark
    public void cloneClose_arcLeakSampling(OwnSampled values) {
        values.arc.clone().close();
    }

    @Benchmark
    public void cloneClose_basicArc(Own values) {
        values.basicArc.clone().close();
    }

    @Benchmark
    public void cloneClose_weakArc(Own values) {
        values.weakArc.clone().close();
    }

    @Benchmark
    public void cloneClose_optimizedArc(Own values) {
        values.optimizedArc.clone().close();
    }

    @Benchmark
    @Threads(2)
    public int contended_atomicInteger(ThreadHandles mine) {
        return baseline(mine.count);
    }

    @Benchmark
    @Threads(2)
    public void contended_arc(ThreadHandles mine) {
        mine.arc.clone().close();
    }

    /**
     * Each thread's own handle of the shared values, as real users hold one, so that the
     * measurement contends on the count alone and not on a handle object both threads read.
     */
    @State(Scope.Thread)
    @SuppressWarnings("NullAway.Init") // set up by JMH before any benchmark method runs
    public static class ThreadHandles {
        Arc<Object> arc;
        AtomicInteger count;

        @Setup
        public void take(Shared shared) {
            arc = shared.arc.clone();
            count = shared.count;
        }

        @TearDown
        public void release() {
            arc.close();
        }
    }

    private static void baseline(Values values) {
        values.baselineDrops += baseline(values.count);
    }

    /**
     * The plain reference count: increment with an overflow check, decrement; returns 1 if
     * the decrement reached 0 (the drop), which never happens while the first handle lives.
     */
    private static int baseline(AtomicInteger count) {
        int previous = count.getAndIncrement();
        if (previous <= 0 || previous >= MAX_COUNT) {
            count.getAndDecrement();
            throw new IllegalStateException("count overflow");
        }
        return count.getAndDecrement() == 1 ? 1 : 0;
    }

    /** A handle whose close sets its mark with a compare-exchange, so it is closed once. */
    static final class CasMarkedHandle {
        private static final VarHandle CLOSED;

        static {
            try {
                CLOSED = MethodHandles.lookup()
                        .findVarHandle(CasMarkedHandle.class, "closed", boolean.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        @SuppressWarnings("UnusedVariable") // only reached through CLOSED
        private boolean closed;

        void close() {
            if (!CLOSED.compareAndSet(this, false, true)) {
                throw new IllegalStateException("closed twice");
            }
        }
    }
}
