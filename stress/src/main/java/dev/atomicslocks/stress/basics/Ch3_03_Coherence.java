package dev.atomicslocks.stress.basics;

import static dev.atomicslocks.basics.Ordering.RELAXED;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.atomicslocks.basics.AtomicI32;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Book ch3-03: the total modification order. Even with {@code RELAXED} everywhere, all writes to
 * one atomic variable happen in a single order that every thread agrees on, so a thread that
 * reads the variable twice never sees it go back to an earlier value. One thread writes the
 * variable twice (two stores, or the book's two additions of 5 and 10); the other reads it twice.
 *
 * <p>The Java memory model: opaque accesses, which this library's {@code RELAXED} maps to, are
 * coherent, so a second read that returns a value older than the first is forbidden, and so is
 * any value that was never written (10, say, when 5 and 10 are added to 0 in that order). Plain
 * fields are not coherent in Java, but no atomic here is ever plain, so no broken variant of
 * this library exists to show it.
 *
 * <p>Observed on this machine with {@code -m quick} (an AMD EPYC, 2 vCPUs under KVM,
 * Temurin 25.0.3, 2026-12-03), each outcome's count summed over jcstress's configurations:
 * <ul>
 *   <li>{@code FetchAdds}: {@code 0, 0} 362,704,416, {@code 0, 15} 159,406, {@code 0, 5} 167,622,
 *       {@code 15, 15} 57,721,663, {@code 5, 15} 33,548, {@code 5, 5} 878,379.
 *   <li>{@code Stores}: {@code 0, 0} 244,199,216, {@code 0, 1} 92,845, {@code 0, 2} 1,254,091,
 *       {@code 1, 1} 522,533, {@code 1, 2} 64,977, {@code 2, 2} 404,354,412.
 * </ul>
 *
 * <pre>{@code
 * java -cp stress/target/jcstress.jar dev.atomicslocks.stress.StressRun -m quick \
 *     -t Ch3_03_Coherence
 * }</pre>
 */
public final class Ch3_03_Coherence {

    private Ch3_03_Coherence() {
    }

    /** Two relaxed stores; the reader never sees an older value after a newer one. */
    @JCStressTest
    @Outcome(id = {"0, 0", "1, 1", "2, 2"}, expect = ACCEPTABLE,
            desc = "both reads saw the same write")
    @Outcome(id = {"0, 1", "0, 2", "1, 2"}, expect = ACCEPTABLE,
            desc = "the second read saw a later write than the first")
    @Outcome(expect = FORBIDDEN, desc = "the second read went back to an earlier value")
    @State
    public static class Stores {
        private final AtomicI32 x = new AtomicI32();

        @Actor
        public void writer() {
            x.store(1, RELAXED);
            x.store(2, RELAXED);
        }

        @Actor
        public void reader(II_Result r) {
            r.r1 = x.load(RELAXED);
            r.r2 = x.load(RELAXED);
        }
    }

    /** The book's version: two relaxed additions, read back in the order they happened. */
    @JCStressTest
    @Outcome(id = {"0, 0", "5, 5", "15, 15"}, expect = ACCEPTABLE,
            desc = "both reads saw the same addition")
    @Outcome(id = {"0, 5", "0, 15", "5, 15"}, expect = ACCEPTABLE,
            desc = "the second read saw a later addition than the first")
    @Outcome(expect = FORBIDDEN,
            desc = "a read went back to an earlier value or saw one that was never there")
    @State
    public static class FetchAdds {
        private final AtomicI32 x = new AtomicI32();

        @Actor
        public void writer() {
            x.fetchAdd(5, RELAXED);
            x.fetchAdd(10, RELAXED);
        }

        @Actor
        public void reader(II_Result r) {
            r.r1 = x.load(RELAXED);
            r.r2 = x.load(RELAXED);
        }
    }
}
