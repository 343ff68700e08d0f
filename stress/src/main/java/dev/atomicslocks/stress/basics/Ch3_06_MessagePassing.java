package dev.atomicslocks.stress.basics;

import static dev.atomicslocks.basics.Ordering.ACQUIRE;
import static dev.atomicslocks.basics.Ordering.RELAXED;
import static dev.atomicslocks.basics.Ordering.RELEASE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.atomicslocks.basics.AtomicBool;
import dev.atomicslocks.basics.AtomicU64;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZJ_Result;

/**
 * Book ch3-06 and ch3-07: message passing. The writer stores the data and then sets a flag;
 * the reader reads the flag and then the data. A {@code RELEASE} store of the flag that an
 * {@code ACQUIRE} load reads creates a happens-before edge, so a reader that sees the flag also
 * sees the data, whether the data is an atomic (ch3-06) or a plain field (ch3-07). With a
 * {@code RELAXED} flag nothing orders the two variables. The book's reader spins until the flag
 * is set; here each side runs once and the outcome records what the reader saw.
 *
 * <p>The Java memory model: {@code true, 0} is forbidden for {@code setRelease} read by
 * {@code getAcquire}; with opaque accesses on both sides it is allowed, and with a plain data
 * field it is allowed too (and the read of the data is then a data race). On x86 the processor
 * keeps stores in order and loads in order, and HotSpot does not move plain or opaque accesses
 * across an opaque one, so this machine never showed the relaxed variants' bad outcome: both are
 * kept as {@code OnWeakHardware} documentation, not as mutants.
 *
 * <p>Observed on this machine with {@code -m quick} (an AMD EPYC, 2 vCPUs under KVM,
 * Temurin 25.0.3, 2026-12-03), each outcome's count summed over jcstress's configurations:
 * <ul>
 *   <li>{@code AtomicDataRelaxedOnWeakHardware}: {@code false, 0} 177,951,201,
 *       {@code false, 123} 5,520,284, {@code true, 123} 326,359,949.
 *   <li>{@code AtomicDataReleaseAcquire}: {@code false, 0} 203,743,174,
 *       {@code false, 123} 2,262,211, {@code true, 123} 330,060,929.
 *   <li>{@code PlainDataRelaxedOnWeakHardware}: {@code false, 0} 264,210,604,
 *       {@code false, 123} 1,708,818, {@code true, 123} 412,216,652.
 *   <li>{@code PlainDataReleaseAcquire}: {@code false, 0} 268,620,841,
 *       {@code false, 123} 4,508,627, {@code true, 123} 500,033,806.
 *   <li>{@code PlainFlagMutant}: {@code false, 0} 322,120,699, {@code false, 123} 1,897,379,
 *       {@code true, 0} 380,444, {@code true, 123} 837,270,352.
 * </ul>
 *
 * <pre>{@code
 * java -cp stress/target/jcstress.jar dev.atomicslocks.stress.StressRun -m quick \
 *     -t Ch3_06_MessagePassing
 * }</pre>
 */
public final class Ch3_06_MessagePassing {

    private static final long DATA = 123;

    private Ch3_06_MessagePassing() {
    }

    /** Broken on weak hardware: a relaxed flag does not publish the atomic data before it. */
    @JCStressTest
    @Outcome(id = "true, 0", expect = ACCEPTABLE_INTERESTING,
            desc = "weak hardware only: the reader saw the flag but not the data")
    @Outcome(id = "true, 123", expect = ACCEPTABLE, desc = "the reader saw the whole message")
    @Outcome(id = {"false, 0", "false, 123"}, expect = ACCEPTABLE,
            desc = "the reader came before the flag was set")
    @State
    public static class AtomicDataRelaxedOnWeakHardware {
        private final AtomicU64 data = new AtomicU64();
        private final AtomicBool ready = new AtomicBool();

        @Actor
        public void writer() {
            data.store(DATA, RELAXED);
            ready.store(true, RELAXED);
        }

        @Actor
        public void reader(ZJ_Result r) {
            r.r1 = ready.load(RELAXED);
            r.r2 = data.load(RELAXED);
        }
    }

    /** Correct: the book's ch3-06, atomic data published by a release store of the flag. */
    @JCStressTest
    @Outcome(id = "true, 0", expect = FORBIDDEN, desc = "the reader saw the flag but not the data")
    @Outcome(id = "true, 123", expect = ACCEPTABLE, desc = "the reader saw the whole message")
    @Outcome(id = {"false, 0", "false, 123"}, expect = ACCEPTABLE,
            desc = "the reader came before the flag was set")
    @State
    public static class AtomicDataReleaseAcquire {
        private final AtomicU64 data = new AtomicU64();
        private final AtomicBool ready = new AtomicBool();

        @Actor
        public void writer() {
            data.store(DATA, RELAXED);
            // Pairs with the reader's acquire load: the data store happens before it.
            ready.store(true, RELEASE);
        }

        @Actor
        public void reader(ZJ_Result r) {
            r.r1 = ready.load(ACQUIRE);
            r.r2 = data.load(RELAXED);
        }
    }

    /** Broken on weak hardware: a relaxed flag does not publish the plain data before it. */
    @JCStressTest
    @Outcome(id = "true, 0", expect = ACCEPTABLE_INTERESTING,
            desc = "weak hardware only: the reader saw the flag but not the data")
    @Outcome(id = "true, 123", expect = ACCEPTABLE, desc = "the reader saw the whole message")
    @Outcome(id = {"false, 0", "false, 123"}, expect = ACCEPTABLE,
            desc = "the reader came before the flag was set")
    @State
    public static class PlainDataRelaxedOnWeakHardware {
        private long data;
        private final AtomicBool ready = new AtomicBool();

        @Actor
        public void writer() {
            data = DATA;
            ready.store(true, RELAXED);
        }

        @Actor
        public void reader(ZJ_Result r) {
            r.r1 = ready.load(RELAXED);
            r.r2 = data;
        }
    }

    /**
     * Broken: with a plain flag instead of an atomic, nothing stops the JIT from reading the data
     * before the flag, which it does even on x86.
     */
    @JCStressTest
    @Outcome(id = "true, 0", expect = ACCEPTABLE_INTERESTING,
            desc = "mutant caught: the reader saw the flag but not the data")
    @Outcome(id = "true, 123", expect = ACCEPTABLE, desc = "the reader saw the whole message")
    @Outcome(id = {"false, 0", "false, 123"}, expect = ACCEPTABLE,
            desc = "the reader came before the flag was set")
    @State
    public static class PlainFlagMutant {
        private long data;
        private boolean ready;

        @Actor
        public void writer() {
            data = DATA;
            ready = true;
        }

        @Actor
        public void reader(ZJ_Result r) {
            r.r1 = ready;
            r.r2 = data;
        }
    }

    /** Correct: the book's ch3-07, plain data published by a release store of the flag. */
    @JCStressTest
    @Outcome(id = "true, 0", expect = FORBIDDEN, desc = "the reader saw the flag but not the data")
    @Outcome(id = "true, 123", expect = ACCEPTABLE, desc = "the reader saw the whole message")
    @Outcome(id = {"false, 0", "false, 123"}, expect = ACCEPTABLE,
            desc = "the reader came before the flag was set")
    @State
    public static class PlainDataReleaseAcquire {
        private long data;
        private final AtomicBool ready = new AtomicBool();

        @Actor
        public void writer() {
            data = DATA;
            // Pairs with the reader's acquire load: the plain write happens before it.
            ready.store(true, RELEASE);
        }

        @Actor
        public void reader(ZJ_Result r) {
            r.r1 = ready.load(ACQUIRE);
            r.r2 = data;
        }
    }
}
