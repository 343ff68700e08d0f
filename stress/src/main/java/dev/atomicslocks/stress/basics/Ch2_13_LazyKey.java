package dev.atomicslocks.stress.basics;

import static dev.atomicslocks.basics.Ordering.RELAXED;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.atomicslocks.basics.AtomicU64;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.JJ_Result;

/**
 * Book ch2-13: lazy one-time initialisation of a key. A caller that finds no key (0) generates
 * one and tries to install it with a compare-exchange from 0; if another thread won, it drops
 * its own and returns the winner's. So every caller returns the same key even when several
 * generate one. The test's threads "generate" 1 and 2, so the outcome shows whose key each
 * returned. {@code RELAXED} is enough: the key is the whole message.
 *
 * <p>The Java memory model: the compare-exchange lets only the first install succeed, so
 * {@code 1, 2} (each thread kept its own key) is forbidden. Storing the key without the
 * compare-exchange lets both threads see 0 and both keep their own; that race needs no
 * reordering, and x86 shows it.
 *
 * <p>Observed on this machine with {@code -m quick} (an AMD EPYC, 2 vCPUs under KVM,
 * Temurin 25.0.3, 2026-12-03), each outcome's count summed over jcstress's configurations:
 * <ul>
 *   <li>{@code CompareExchange}: {@code 1, 1} 164,445,254, {@code 2, 2} 160,349,380.
 *   <li>{@code StoreMutant}: {@code 1, 1} 317,301,697, {@code 1, 2} 36,298,255,
 *       {@code 2, 2} 294,348,602.
 * </ul>
 *
 * <pre>{@code
 * java -cp stress/target/jcstress.jar dev.atomicslocks.stress.StressRun -m quick \
 *     -t Ch2_13_LazyKey
 * }</pre>
 */
public final class Ch2_13_LazyKey {

    private static final long NONE = 0;

    private Ch2_13_LazyKey() {
    }

    /** Broken: a plain store of the new key overwrites a key another caller already returned. */
    @JCStressTest
    @Outcome(id = "1, 2", expect = ACCEPTABLE_INTERESTING,
            desc = "mutant caught: the callers got different keys")
    @Outcome(id = {"1, 1", "2, 2"}, expect = ACCEPTABLE, desc = "both callers got the same key")
    @Outcome(expect = FORBIDDEN, desc = "a caller got a key that nobody generated for it")
    @State
    public static class StoreMutant {
        private final AtomicU64 key = new AtomicU64();

        @Actor
        public void first(JJ_Result r) {
            r.r1 = getKey(1);
        }

        @Actor
        public void second(JJ_Result r) {
            r.r2 = getKey(2);
        }

        private long getKey(long generated) {
            long current = key.load(RELAXED);
            if (current != NONE) {
                return current;
            }
            key.store(generated, RELAXED);
            return generated;
        }
    }

    /** Correct: the book's version, installing the key with a compare-exchange from 0. */
    @JCStressTest
    @Outcome(id = "1, 2", expect = FORBIDDEN, desc = "the callers got different keys")
    @Outcome(id = {"1, 1", "2, 2"}, expect = ACCEPTABLE, desc = "both callers got the same key")
    @Outcome(expect = FORBIDDEN, desc = "a caller got a key that nobody generated for it")
    @State
    public static class CompareExchange {
        private final AtomicU64 key = new AtomicU64();

        @Actor
        public void first(JJ_Result r) {
            r.r1 = getKey(1);
        }

        @Actor
        public void second(JJ_Result r) {
            r.r2 = getKey(2);
        }

        private long getKey(long generated) {
            long current = key.load(RELAXED);
            if (current != NONE) {
                return current;
            }
            long witness = key.compareExchange(NONE, generated, RELAXED, RELAXED);
            return witness == NONE ? generated : witness;
        }
    }
}
