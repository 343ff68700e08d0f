package dev.atomicslocks.stress.basics;

import static dev.atomicslocks.basics.Ordering.ACQUIRE;
import static dev.atomicslocks.basics.Ordering.RELAXED;
import static dev.atomicslocks.basics.Ordering.RELEASE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.atomicslocks.basics.AtomicBool;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZI_Result;

/**
 * Book ch3-08: a lock from {@code compareExchange(false, true, ACQUIRE, RELAXED)} and
 * {@code store(false, RELEASE)}. Each thread tries once to take the lock; if it gets it, it
 * increments a plain counter with a separate read and write, then unlocks. The outcome is which
 * threads got the lock and the counter's final value. Mutual exclusion means the increments
 * cannot overlap, so the counter equals the number of threads that got in. The compare-exchange
 * makes taking the lock one indivisible step; the release store pairs with the next owner's
 * acquiring compare-exchange, so that owner sees the previous owner's increment.
 *
 * <p>The Java memory model: with the lock, {@code true, true, 1} is forbidden (both threads
 * inside at once, one increment lost); so is any outcome in which no thread got the free lock.
 * A lock that checks the flag and then sets it lets both threads see it free, and that race is
 * no reordering: x86 shows it.
 *
 * <p>Observed on this machine with {@code -m quick} (an AMD EPYC, 2 vCPUs under KVM,
 * Temurin 25.0.3, 2026-12-03), each outcome's count summed over jcstress's configurations:
 * <ul>
 *   <li>{@code CheckThenSetMutant}: {@code false, true, 1} 1,941,357,
 *       {@code true, false, 1} 2,054,453, {@code true, true, 1} 62,254,367,
 *       {@code true, true, 2} 439,802,697.
 *   <li>{@code CompareExchange}: {@code false, true, 1} 23,246,811,
 *       {@code true, false, 1} 23,348,313, {@code true, true, 2} 224,040,150.
 * </ul>
 *
 * <pre>{@code
 * java -cp stress/target/jcstress.jar dev.atomicslocks.stress.StressRun -m quick \
 *     -t Ch3_08_Lock
 * }</pre>
 */
public final class Ch3_08_Lock {

    private Ch3_08_Lock() {
    }

    /** Broken: reading the flag and then setting it lets both threads take the lock. */
    @JCStressTest
    @Outcome(id = "true, true, 1", expect = ACCEPTABLE_INTERESTING,
            desc = "mutant caught: both threads held the lock at once and an increment was lost")
    @Outcome(id = "true, true, 2", expect = ACCEPTABLE,
            desc = "both threads got the lock, and the increments did not overlap")
    @Outcome(id = {"true, false, 1", "false, true, 1"}, expect = ACCEPTABLE,
            desc = "one thread got the lock while the other held it")
    @Outcome(expect = FORBIDDEN, desc = "the counter disagrees with who got the lock")
    @State
    public static class CheckThenSetMutant {
        private final AtomicBool locked = new AtomicBool();
        private int counter;

        @Actor
        public void first(ZZI_Result r) {
            r.r1 = tryIncrement();
        }

        @Actor
        public void second(ZZI_Result r) {
            r.r2 = tryIncrement();
        }

        @Arbiter
        public void after(ZZI_Result r) {
            r.r3 = counter;
        }

        private boolean tryIncrement() {
            // Both threads can see the lock free before either one sets it.
            if (locked.load(ACQUIRE)) {
                return false;
            }
            locked.store(true, RELAXED);
            int seen = counter;
            counter = seen + 1;
            locked.store(false, RELEASE);
            return true;
        }
    }

    /** Correct: the book's lock, taken with one compare-exchange. */
    @JCStressTest
    @Outcome(id = "true, true, 1", expect = FORBIDDEN,
            desc = "both threads held the lock at once and an increment was lost")
    @Outcome(id = "true, true, 2", expect = ACCEPTABLE,
            desc = "both threads got the lock, one after the other")
    @Outcome(id = {"true, false, 1", "false, true, 1"}, expect = ACCEPTABLE,
            desc = "one thread got the lock while the other held it")
    @Outcome(expect = FORBIDDEN, desc = "the counter disagrees with who got the lock")
    @State
    public static class CompareExchange {
        private final AtomicBool locked = new AtomicBool();
        private int counter;

        @Actor
        public void first(ZZI_Result r) {
            r.r1 = tryIncrement();
        }

        @Actor
        public void second(ZZI_Result r) {
            r.r2 = tryIncrement();
        }

        @Arbiter
        public void after(ZZI_Result r) {
            r.r3 = counter;
        }

        private boolean tryIncrement() {
            // Acquire pairs with the release below in the thread that held the lock before. The
            // witness is true when another thread holds the lock.
            boolean heldByOther = locked.compareExchange(false, true, ACQUIRE, RELAXED);
            if (heldByOther) {
                return false;
            }
            int seen = counter;
            counter = seen + 1;
            locked.store(false, RELEASE);
            return true;
        }
    }
}
