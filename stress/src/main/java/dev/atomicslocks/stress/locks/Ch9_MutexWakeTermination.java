package dev.atomicslocks.stress.locks;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.atomicslocks.locks.steps.Mutex1;
import dev.atomicslocks.locks.steps.Mutex2;
import dev.atomicslocks.locks.steps.Mutex3;
import dev.atomicslocks.locks.steps.StepMutex;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

/**
 * Chapter 9: a thread that waits for a held mutex always gets it once the holder unlocks. The
 * state is created with the lock held; the waiter locks (and sleeps), and the signal releases
 * the lock. A lost wake-up leaves the waiter asleep, which jcstress reports as {@code STALE}.
 *
 * <p>The book's steps release their lock from any thread, which lets the signal thread play
 * the holder; the public {@code Mutex} refuses that (its guard belongs to the thread that
 * locked) and shares the third step's algorithm, so the steps stand for it here.
 *
 * <p>Observed on this machine with {@code -m quick} (an AMD EPYC, 2 vCPUs under KVM,
 * Temurin 25.0.3, 2026-12-03): {@code TERMINATED} 3,142 times for {@code Step1}, 3,091 for
 * {@code Step2} and 3,117 for {@code Step3}, never {@code STALE}.
 *
 * <pre>{@code
 * java -cp stress/target/jcstress.jar dev.atomicslocks.stress.StressRun -m quick \
 *     -t Ch9_MutexWakeTermination
 * }</pre>
 */
public final class Ch9_MutexWakeTermination {

    private Ch9_MutexWakeTermination() {
    }

    /** Step 1. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter got the lock")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the wake-up was lost")
    @State
    public static class Step1 {
        private final StepMutex<int[]> mutex = new Mutex1<>(new int[1]);
        private final StepMutex.Guard<int[]> held = mutex.lock();

        @Actor
        public void waiter() {
            lockAndIncrement(mutex);
        }

        @Signal
        public void release() {
            held.close();
        }
    }

    /** Step 2. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter got the lock")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the wake-up was lost")
    @State
    public static class Step2 {
        private final StepMutex<int[]> mutex = new Mutex2<>(new int[1]);
        private final StepMutex.Guard<int[]> held = mutex.lock();

        @Actor
        public void waiter() {
            lockAndIncrement(mutex);
        }

        @Signal
        public void release() {
            held.close();
        }
    }

    /** Step 3. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter got the lock")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the wake-up was lost")
    @State
    public static class Step3 {
        private final StepMutex<int[]> mutex = new Mutex3<>(new int[1]);
        private final StepMutex.Guard<int[]> held = mutex.lock();

        @Actor
        public void waiter() {
            lockAndIncrement(mutex);
        }

        @Signal
        public void release() {
            held.close();
        }
    }

    /** The waiter's critical section; it sleeps until the signal releases the lock. */
    static void lockAndIncrement(StepMutex<int[]> mutex) {
        try (var guard = mutex.lock()) {
            guard.get()[0]++;
        }
    }
}
