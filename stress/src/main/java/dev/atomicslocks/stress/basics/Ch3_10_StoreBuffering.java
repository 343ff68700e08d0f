package dev.atomicslocks.stress.basics;

import static dev.atomicslocks.basics.Ordering.ACQUIRE;
import static dev.atomicslocks.basics.Ordering.RELEASE;
import static dev.atomicslocks.basics.Ordering.SEQ_CST;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.atomicslocks.basics.AtomicBool;
import dev.atomicslocks.basics.Atomics;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZ_Result;

/**
 * Book ch3-10: store buffering. Each thread sets its own flag and then reads the other's. Under
 * {@code SEQ_CST} all four accesses lie in one total order, so whichever store comes first in it
 * is seen by the other thread's later load: at least one thread sees {@code true}. Release and
 * acquire promise nothing here, since neither load reads from the other thread's store, and x86
 * really does let each load overtake the thread's own buffered store.
 *
 * <p>The Java memory model (the package documentation of {@code dev.atomicslocks.basics} maps
 * each ordering to its VarHandle mode): {@code false, false} is forbidden for volatile accesses,
 * and for release stores and acquire loads separated by a full fence; it is allowed for
 * {@code setRelease} followed by {@code getAcquire}.
 *
 * <p>Observed on this machine with {@code -m quick} (an AMD EPYC, 2 vCPUs under KVM,
 * Temurin 25.0.3, 2026-12-03), each outcome's count summed over jcstress's configurations:
 * <ul>
 *   <li>{@code ReleaseAcquireMutant}: {@code false, false} 28,530,308,
 *       {@code false, true} 225,867,686, {@code true, false} 207,754,489,
 *       {@code true, true} 708,071.
 *   <li>{@code SeqCst}: {@code false, true} 108,974,124, {@code true, false} 77,590,275,
 *       {@code true, true} 42,086,875.
 *   <li>{@code SeqCstFence}: {@code false, true} 104,595,012, {@code true, false} 69,953,540,
 *       {@code true, true} 38,251,202.
 * </ul>
 *
 * <pre>{@code
 * java -cp stress/target/jcstress.jar dev.atomicslocks.stress.StressRun -m quick \
 *     -t Ch3_10_StoreBuffering
 * }</pre>
 */
public final class Ch3_10_StoreBuffering {

    private Ch3_10_StoreBuffering() {
    }

    /** Broken: release stores and acquire loads do not order a store before a later load. */
    @JCStressTest
    @Outcome(id = "false, false", expect = ACCEPTABLE_INTERESTING,
            desc = "mutant caught: each load overtook its own thread's store")
    @Outcome(id = {"true, false", "false, true"}, expect = ACCEPTABLE,
            desc = "one thread ran before the other")
    @Outcome(id = "true, true", expect = ACCEPTABLE, desc = "the threads interleaved")
    @State
    public static class ReleaseAcquireMutant {
        private final AtomicBool a = new AtomicBool();
        private final AtomicBool b = new AtomicBool();

        @Actor
        public void first(ZZ_Result r) {
            a.store(true, RELEASE);
            r.r1 = b.load(ACQUIRE);
        }

        @Actor
        public void second(ZZ_Result r) {
            b.store(true, RELEASE);
            r.r2 = a.load(ACQUIRE);
        }
    }

    /** Correct: the book's version, every access sequentially consistent. */
    @JCStressTest
    @Outcome(id = "false, false", expect = FORBIDDEN,
            desc = "each load overtook its own thread's store")
    @Outcome(id = {"true, false", "false, true"}, expect = ACCEPTABLE,
            desc = "one thread ran before the other")
    @Outcome(id = "true, true", expect = ACCEPTABLE, desc = "the threads interleaved")
    @State
    public static class SeqCst {
        private final AtomicBool a = new AtomicBool();
        private final AtomicBool b = new AtomicBool();

        @Actor
        public void first(ZZ_Result r) {
            a.store(true, SEQ_CST);
            r.r1 = b.load(SEQ_CST);
        }

        @Actor
        public void second(ZZ_Result r) {
            b.store(true, SEQ_CST);
            r.r2 = a.load(SEQ_CST);
        }
    }

    /** Correct: release and acquire again, with a {@code SEQ_CST} fence between store and load. */
    @JCStressTest
    @Outcome(id = "false, false", expect = FORBIDDEN,
            desc = "a load overtook the store before the fence")
    @Outcome(id = {"true, false", "false, true"}, expect = ACCEPTABLE,
            desc = "one thread ran before the other")
    @Outcome(id = "true, true", expect = ACCEPTABLE, desc = "the threads interleaved")
    @State
    public static class SeqCstFence {
        private final AtomicBool a = new AtomicBool();
        private final AtomicBool b = new AtomicBool();

        @Actor
        public void first(ZZ_Result r) {
            a.store(true, RELEASE);
            Atomics.fence(SEQ_CST);
            r.r1 = b.load(ACQUIRE);
        }

        @Actor
        public void second(ZZ_Result r) {
            b.store(true, RELEASE);
            Atomics.fence(SEQ_CST);
            r.r2 = a.load(ACQUIRE);
        }
    }
}
