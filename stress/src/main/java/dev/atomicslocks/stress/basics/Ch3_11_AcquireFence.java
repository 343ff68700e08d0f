package dev.atomicslocks.stress.basics;

import static dev.atomicslocks.basics.Ordering.ACQUIRE;
import static dev.atomicslocks.basics.Ordering.RELAXED;
import static dev.atomicslocks.basics.Ordering.RELEASE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.atomicslocks.basics.AtomicBool;
import dev.atomicslocks.basics.Atomics;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Book ch3-11: release stores paired with one acquire fence. The writer fills two slots of plain
 * data, each followed by a {@code RELEASE} store of that slot's ready flag. The reader loads both
 * flags {@code RELAXED} and, if either is set, issues one {@code fence(ACQUIRE)} before reading
 * the data of the ready slots: the fence turns the relaxed loads before it into acquiring ones,
 * so one fence serves every flag. For each slot the outcome is {@code 0} when its flag was not
 * seen, {@code 1} when the flag and the data were seen, and {@code 2} when the flag was seen
 * without the data. (The book has ten writer threads; two actors fit this two-CPU machine.)
 *
 * <p>The Java memory model: a {@code setRelease} read by an opaque load that is followed by
 * {@code VarHandle.acquireFence()} orders the writes before the store before the reads after
 * the fence, so a {@code 2} is forbidden. Without the fence it is allowed; x86 never showed it,
 * as it keeps loads in order and the JIT does not move the plain read above the opaque load, so
 * that variant is {@code OnWeakHardware} documentation.
 *
 * <p>Observed on this machine with {@code -m quick} (an AMD EPYC, 2 vCPUs under KVM,
 * Temurin 25.0.3, 2026-12-03), each outcome's count summed over jcstress's configurations:
 * <ul>
 *   <li>{@code NoFenceOnWeakHardware}: {@code 0, 0} 157,925,600, {@code 0, 1} 357,156,
 *       {@code 1, 0} 1,494,992, {@code 1, 1} 293,918,006.
 *   <li>{@code RelaxedLoadsThenFence}: {@code 0, 0} 149,764,197, {@code 0, 1} 271,978,
 *       {@code 1, 0} 1,205,189, {@code 1, 1} 278,646,390.
 * </ul>
 *
 * <pre>{@code
 * java -cp stress/target/jcstress.jar dev.atomicslocks.stress.StressRun -m quick \
 *     -t Ch3_11_AcquireFence
 * }</pre>
 */
public final class Ch3_11_AcquireFence {

    private static final int NOT_READY = 0;
    private static final int DATA_SEEN = 1;
    private static final int DATA_MISSING = 2;

    private Ch3_11_AcquireFence() {
    }

    /** What the reader found in one slot. */
    static int slot(boolean ready, long data, long expected) {
        if (!ready) {
            return NOT_READY;
        }
        return data == expected ? DATA_SEEN : DATA_MISSING;
    }

    /** Broken on weak hardware: relaxed flags without the fence do not order the data. */
    @JCStressTest
    @Outcome(id = {"0, 0", "0, 1", "1, 0", "1, 1"}, expect = ACCEPTABLE,
            desc = "every flag seen came with its data")
    @Outcome(expect = ACCEPTABLE_INTERESTING,
            desc = "weak hardware only: a flag was seen without its data")
    @State
    public static class NoFenceOnWeakHardware {
        private long data0;
        private long data1;
        private final AtomicBool ready0 = new AtomicBool();
        private final AtomicBool ready1 = new AtomicBool();

        @Actor
        public void writer() {
            data0 = 10;
            ready0.store(true, RELEASE);
            data1 = 11;
            ready1.store(true, RELEASE);
        }

        @Actor
        public void reader(II_Result r) {
            boolean seen0 = ready0.load(RELAXED);
            boolean seen1 = ready1.load(RELAXED);
            r.r1 = slot(seen0, seen0 ? data0 : 0, 10);
            r.r2 = slot(seen1, seen1 ? data1 : 0, 11);
        }
    }

    /** Correct: the book's version, one acquire fence after the relaxed loads. */
    @JCStressTest
    @Outcome(id = {"0, 0", "0, 1", "1, 0", "1, 1"}, expect = ACCEPTABLE,
            desc = "every flag seen came with its data")
    @Outcome(expect = FORBIDDEN, desc = "a flag was seen without its data")
    @State
    public static class RelaxedLoadsThenFence {
        private long data0;
        private long data1;
        private final AtomicBool ready0 = new AtomicBool();
        private final AtomicBool ready1 = new AtomicBool();

        @Actor
        public void writer() {
            data0 = 10;
            // Each release store pairs with the reader's acquire fence.
            ready0.store(true, RELEASE);
            data1 = 11;
            ready1.store(true, RELEASE);
        }

        @Actor
        public void reader(II_Result r) {
            boolean seen0 = ready0.load(RELAXED);
            boolean seen1 = ready1.load(RELAXED);
            if (seen0 || seen1) {
                // Makes the relaxed loads above acquire the release stores they read.
                Atomics.fence(ACQUIRE);
            }
            r.r1 = slot(seen0, seen0 ? data0 : 0, 10);
            r.r2 = slot(seen1, seen1 ? data1 : 0, 11);
        }
    }
}
