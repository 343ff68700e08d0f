package dev.atomicslocks.stress.spinlock;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.atomicslocks.spinlock.SpinLock;
import dev.atomicslocks.spinlock.steps.GuardedSpinLock;
import dev.atomicslocks.spinlock.steps.MinimalSpinLock;
import dev.atomicslocks.spinlock.steps.UncheckedSpinLock;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Chapter 4: each spin lock keeps two critical sections apart. Each thread, holding the lock,
 * reads a plain counter and writes it back plus one, and records what it read; the arbiter
 * records the final count. Mutual exclusion and the release/acquire pairing of unlock and lock
 * together allow only one thread reading 0 and the other 1, and a final count of 2.
 *
 * <p>The Java memory model: the ACQUIRE swap that takes the lock reads the RELEASE store that
 * freed it, so the second critical section sees the first one's write; a lost update (both
 * threads read 0) or a final count of 1 is forbidden.
 *
 * <p>Observed on this machine with {@code -m quick} (an AMD EPYC, 2 vCPUs under KVM,
 * Temurin 25.0.3, 2026-12-03), each outcome's count summed over jcstress's configurations:
 * <ul>
 *   <li>{@code Minimal}: {@code 0, 1, 2} 138,569,545, {@code 1, 0, 2} 154,829,249.
 *   <li>{@code Unchecked}: {@code 0, 1, 2} 127,482,138, {@code 1, 0, 2} 130,445,296.
 *   <li>{@code Guarded}: {@code 0, 1, 2} 143,426,079, {@code 1, 0, 2} 152,092,395.
 *   <li>{@code Public}: {@code 0, 1, 2} 140,760,004, {@code 1, 0, 2} 133,449,030.
 * </ul>
 *
 * <pre>{@code
 * java -cp stress/target/jcstress.jar dev.atomicslocks.stress.StressRun -m quick \
 *     -t Ch4_MutualExclusion
 * }</pre>
 */
public final class Ch4_MutualExclusion {

    private Ch4_MutualExclusion() {
    }

    /** Step 1: lock, touch the counter, unlock. */
    @JCStressTest
    @Outcome(id = {"0, 1, 2", "1, 0, 2"}, expect = ACCEPTABLE,
            desc = "one critical section ran after the other and saw its write")
    @Outcome(expect = FORBIDDEN, desc = "the critical sections overlapped or a write was lost")
    @State
    public static class Minimal {
        private final MinimalSpinLock lock = new MinimalSpinLock();
        private int counter;

        @Actor
        public void first(III_Result r) {
            r.r1 = increment();
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = increment();
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = counter;
        }

        private int increment() {
            lock.lock();
            int seen = counter;
            counter = seen + 1;
            lock.unlock();
            return seen;
        }
    }

    /** Step 2: the lock owns the counter and hands it out. */
    @JCStressTest
    @Outcome(id = {"0, 1, 2", "1, 0, 2"}, expect = ACCEPTABLE,
            desc = "one critical section ran after the other and saw its write")
    @Outcome(expect = FORBIDDEN, desc = "the critical sections overlapped or a write was lost")
    @State
    public static class Unchecked {
        private final UncheckedSpinLock<int[]> lock = new UncheckedSpinLock<>(new int[1]);

        @Actor
        public void first(III_Result r) {
            r.r1 = increment();
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = increment();
        }

        @Arbiter
        public void after(III_Result r) {
            int counter = lock.lock()[0];
            lock.unlock();
            r.r3 = counter;
        }

        private int increment() {
            int[] counter = lock.lock();
            int seen = counter[0];
            counter[0] = seen + 1;
            lock.unlock();
            return seen;
        }
    }

    /** Step 3: the counter through a guard. */
    @JCStressTest
    @Outcome(id = {"0, 1, 2", "1, 0, 2"}, expect = ACCEPTABLE,
            desc = "one critical section ran after the other and saw its write")
    @Outcome(expect = FORBIDDEN, desc = "the critical sections overlapped or a write was lost")
    @State
    public static class Guarded {
        private final GuardedSpinLock<Integer> lock = new GuardedSpinLock<>(0);

        @Actor
        public void first(III_Result r) {
            r.r1 = increment();
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = increment();
        }

        @Arbiter
        public void after(III_Result r) {
            try (var guard = lock.lock()) {
                r.r3 = guard.get();
            }
        }

        private int increment() {
            try (var guard = lock.lock()) {
                int seen = guard.get();
                guard.set(seen + 1);
                return seen;
            }
        }
    }

    /** The public SpinLock. */
    @JCStressTest
    @Outcome(id = {"0, 1, 2", "1, 0, 2"}, expect = ACCEPTABLE,
            desc = "one critical section ran after the other and saw its write")
    @Outcome(expect = FORBIDDEN, desc = "the critical sections overlapped or a write was lost")
    @State
    public static class Public {
        private final SpinLock<Integer> lock = new SpinLock<>(0);

        @Actor
        public void first(III_Result r) {
            r.r1 = increment();
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = increment();
        }

        @Arbiter
        public void after(III_Result r) {
            try (var guard = lock.lock()) {
                r.r3 = guard.get();
            }
        }

        private int increment() {
            try (var guard = lock.lock()) {
                int seen = guard.get();
                guard.set(seen + 1);
                return seen;
            }
        }
    }
}
