package dev.atomicslocks.stress.locks;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.atomicslocks.locks.Mutex;
import dev.atomicslocks.locks.steps.Mutex1;
import dev.atomicslocks.locks.steps.Mutex2;
import dev.atomicslocks.locks.steps.Mutex3;
import dev.atomicslocks.locks.steps.StepMutex;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Chapter 9: each mutex keeps two critical sections apart. Each thread, holding the lock,
 * reads a counter and writes it back plus one, and records what it read; the arbiter records
 * the final count. Only {@code 0, 1, 2} and {@code 1, 0, 2} are allowed: the second critical
 * section saw the first one's write, and no update was lost.
 *
 * <p>The Java memory model: the ACQUIRE compare-exchange or swap that takes the lock reads the
 * RELEASE swap or store that freed it, which orders the two critical sections; a contended
 * thread that slept is woken only after that release.
 *
 * <p>Observed on this machine with {@code -m quick} (an AMD EPYC, 2 vCPUs under KVM,
 * Temurin 25.0.3, 2026-12-03), each outcome's count summed over jcstress's configurations:
 * <ul>
 *   <li>{@code Step1}: {@code 0, 1, 2} 58,344,515, {@code 1, 0, 2} 54,082,759.
 *   <li>{@code Step2}: {@code 0, 1, 2} 99,070,659, {@code 1, 0, 2} 97,037,895.
 *   <li>{@code Step3}: {@code 0, 1, 2} 110,388,751, {@code 1, 0, 2} 104,059,643.
 *   <li>{@code Public}: {@code 0, 1, 2} 123,848,514, {@code 1, 0, 2} 115,472,840.
 * </ul>
 *
 * <pre>{@code
 * java -cp stress/target/jcstress.jar dev.atomicslocks.stress.StressRun -m quick \
 *     -t Ch9_MutexExclusion
 * }</pre>
 */
public final class Ch9_MutexExclusion {

    private Ch9_MutexExclusion() {
    }

    /** Step 1: wakes on every unlock. */
    @JCStressTest
    @Outcome(id = {"0, 1, 2", "1, 0, 2"}, expect = ACCEPTABLE,
            desc = "one critical section ran after the other and saw its write")
    @Outcome(expect = FORBIDDEN, desc = "the critical sections overlapped or a write was lost")
    @State
    public static class Step1 {
        private final StepMutex<int[]> mutex = new Mutex1<>(new int[1]);

        @Actor
        public void first(III_Result r) {
            r.r1 = increment(mutex);
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = increment(mutex);
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = count(mutex);
        }
    }

    /** Step 2: wakes only when the lock was contended. */
    @JCStressTest
    @Outcome(id = {"0, 1, 2", "1, 0, 2"}, expect = ACCEPTABLE,
            desc = "one critical section ran after the other and saw its write")
    @Outcome(expect = FORBIDDEN, desc = "the critical sections overlapped or a write was lost")
    @State
    public static class Step2 {
        private final StepMutex<int[]> mutex = new Mutex2<>(new int[1]);

        @Actor
        public void first(III_Result r) {
            r.r1 = increment(mutex);
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = increment(mutex);
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = count(mutex);
        }
    }

    /** Step 3: spins before sleeping. */
    @JCStressTest
    @Outcome(id = {"0, 1, 2", "1, 0, 2"}, expect = ACCEPTABLE,
            desc = "one critical section ran after the other and saw its write")
    @Outcome(expect = FORBIDDEN, desc = "the critical sections overlapped or a write was lost")
    @State
    public static class Step3 {
        private final StepMutex<int[]> mutex = new Mutex3<>(new int[1]);

        @Actor
        public void first(III_Result r) {
            r.r1 = increment(mutex);
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = increment(mutex);
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = count(mutex);
        }
    }

    /** The public Mutex. */
    @JCStressTest
    @Outcome(id = {"0, 1, 2", "1, 0, 2"}, expect = ACCEPTABLE,
            desc = "one critical section ran after the other and saw its write")
    @Outcome(expect = FORBIDDEN, desc = "the critical sections overlapped or a write was lost")
    @State
    public static class Public {
        private final Mutex<Integer> mutex = new Mutex<>(0);

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
            try (var guard = mutex.lock()) {
                r.r3 = guard.get();
            }
        }

        private int increment() {
            try (var guard = mutex.lock()) {
                int seen = guard.get();
                guard.set(seen + 1);
                return seen;
            }
        }
    }

    /** One critical section of a step: reads the counter, writes it back plus one. */
    static int increment(StepMutex<int[]> mutex) {
        try (var guard = mutex.lock()) {
            return guard.get()[0]++;
        }
    }

    /** The counter, read under the lock. */
    static int count(StepMutex<int[]> mutex) {
        try (var guard = mutex.lock()) {
            return guard.get()[0];
        }
    }
}
