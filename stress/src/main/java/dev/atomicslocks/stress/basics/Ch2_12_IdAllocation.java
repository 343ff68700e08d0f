package dev.atomicslocks.stress.basics;

import static dev.atomicslocks.basics.Ordering.RELAXED;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.atomicslocks.basics.AtomicU32;
import java.util.OptionalInt;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Book ch2-12: id allocation without overflow. Ids come from a counter that must never pass a
 * limit, so the increment checks the limit and adds one in a single atomic step: a
 * compare-exchange loop (the book's version) or {@code fetchUpdate}, which refuses by returning
 * empty. The counter starts one below the limit, so exactly one id is left; both threads ask
 * for one. The outcome is each thread's id ({@code -1} when refused) and the counter afterwards.
 * {@code RELAXED} is enough: the ids carry no other data, and every read-modify-write reads the
 * latest value in the counter's modification order.
 *
 * <p>The Java memory model: the compare-exchange is atomic, so the same id twice, an id at or
 * past the limit, or a counter past it is forbidden. Reading the counter and then storing the
 * next value is not atomic: both threads can read 999 and both return it. That is a race, not a
 * reordering, and x86 shows it.
 *
 * <p>Observed on this machine with {@code -m quick} (an AMD EPYC, 2 vCPUs under KVM,
 * Temurin 25.0.3, 2026-12-03), each outcome's count summed over jcstress's configurations:
 * <ul>
 *   <li>{@code CompareExchangeLoop}: {@code -1, 999, 1000} 151,662,517,
 *       {@code 999, -1, 1000} 153,215,317.
 *   <li>{@code FetchUpdate}: {@code -1, 999, 1000} 147,682,713, {@code 999, -1, 1000} 149,658,481.
 *   <li>{@code LoadThenStoreMutant}: {@code -1, 999, 1000} 236,937,066,
 *       {@code 999, -1, 1000} 241,380,054, {@code 999, 999, 1000} 40,955,594.
 * </ul>
 *
 * <pre>{@code
 * java -cp stress/target/jcstress.jar dev.atomicslocks.stress.StressRun -m quick \
 *     -t Ch2_12_IdAllocation
 * }</pre>
 */
public final class Ch2_12_IdAllocation {

    /** The first id that may not be handed out; the book's limit. */
    private static final int LIMIT = 1000;
    private static final int REFUSED = -1;

    private Ch2_12_IdAllocation() {
    }

    /** Broken: a load and a separate store let two threads take the same id. */
    @JCStressTest
    @Outcome(id = "999, 999, 1000", expect = ACCEPTABLE_INTERESTING,
            desc = "mutant caught: both threads got the last id")
    @Outcome(id = {"999, -1, 1000", "-1, 999, 1000"}, expect = ACCEPTABLE,
            desc = "one thread got the last id and the other was refused")
    @Outcome(expect = FORBIDDEN, desc = "an id or the counter went past the limit")
    @State
    public static class LoadThenStoreMutant {
        private final AtomicU32 next = new AtomicU32(LIMIT - 1);

        @Actor
        public void first(III_Result r) {
            r.r1 = allocate();
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = allocate();
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = next.load(RELAXED);
        }

        private int allocate() {
            int id = next.load(RELAXED);
            if (Integer.compareUnsigned(id, LIMIT) >= 0) {
                return REFUSED;
            }
            // The other thread may have stored the same value since the load.
            next.store(id + 1, RELAXED);
            return id;
        }
    }

    /** Correct: the book's compare-exchange loop, which re-checks the limit on each retry. */
    @JCStressTest
    @Outcome(id = "999, 999, 1000", expect = FORBIDDEN, desc = "both threads got the last id")
    @Outcome(id = {"999, -1, 1000", "-1, 999, 1000"}, expect = ACCEPTABLE,
            desc = "one thread got the last id and the other was refused")
    @Outcome(expect = FORBIDDEN, desc = "an id or the counter went past the limit")
    @State
    public static class CompareExchangeLoop {
        private final AtomicU32 next = new AtomicU32(LIMIT - 1);

        @Actor
        public void first(III_Result r) {
            r.r1 = allocate();
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = allocate();
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = next.load(RELAXED);
        }

        private int allocate() {
            int id = next.load(RELAXED);
            while (true) {
                if (Integer.compareUnsigned(id, LIMIT) >= 0) {
                    return REFUSED;
                }
                // The weak form may fail spuriously; reloading and re-checking handles both.
                if (next.compareExchangeWeak(id, id + 1, RELAXED, RELAXED)) {
                    return id;
                }
                id = next.load(RELAXED);
            }
        }
    }

    /** Correct: {@code fetchUpdate} with an update that refuses at the limit. */
    @JCStressTest
    @Outcome(id = "999, 999, 1000", expect = FORBIDDEN, desc = "both threads got the last id")
    @Outcome(id = {"999, -1, 1000", "-1, 999, 1000"}, expect = ACCEPTABLE,
            desc = "one thread got the last id and the other was refused")
    @Outcome(expect = FORBIDDEN, desc = "an id or the counter went past the limit")
    @State
    public static class FetchUpdate {
        private final AtomicU32 next = new AtomicU32(LIMIT - 1);

        @Actor
        public void first(III_Result r) {
            r.r1 = allocate();
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = allocate();
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = next.load(RELAXED);
        }

        private int allocate() {
            OptionalInt previous = next.fetchUpdate(RELAXED, RELAXED, id ->
                    Integer.compareUnsigned(id, LIMIT) < 0
                            ? OptionalInt.of(id + 1)
                            : OptionalInt.empty());
            return previous.orElse(REFUSED);
        }
    }
}
