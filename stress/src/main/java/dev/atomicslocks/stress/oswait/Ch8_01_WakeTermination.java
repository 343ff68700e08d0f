package dev.atomicslocks.stress.oswait;

import static dev.atomicslocks.basics.Ordering.ACQUIRE;
import static dev.atomicslocks.basics.Ordering.RELEASE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.atomicslocks.basics.AtomicRef;
import dev.atomicslocks.basics.AtomicU32;
import dev.atomicslocks.oswait.AtomicWait;
import dev.atomicslocks.oswait.FutexWord;
import java.lang.foreign.Arena;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

/**
 * Book ch8-01: a thread waits while a word holds 0; another stores 1 and wakes it. However the
 * two interleave, the waiter must finish: either it sees 1 before it sleeps, or the wake finds
 * it asleep. A wake-up lost between the waiter's check and its going to sleep leaves it asleep
 * for ever, which jcstress reports as {@code STALE}.
 *
 * <p>jcstress starts the waiter, polls every millisecond until it has started, and then sends
 * the signal, so without help the signal would nearly always find the waiter already asleep.
 * The waiter therefore spins for a random time of up to {@value #MAX_DELAY_NANOS} ns before each
 * check, which spreads the moment of the signal over the whole of the waiter's path: before its
 * check, between the check and the sleep, and after it.
 *
 * <p>The Java memory model: the parking lot and the kernel both make the check and the
 * enqueueing atomic with respect to a wake, so {@code STALE} is forbidden.
 *
 * <p>Observed on this machine with {@code -m quick} (an AMD EPYC, 2 vCPUs under KVM,
 * Temurin 25.0.3, 2026-12-03), summed over jcstress's configurations:
 * <ul>
 *   <li>{@code ParkingLotWakeOne}: {@code TERMINATED} 2,220.
 *   <li>{@code ParkingLotWakeAll}: {@code TERMINATED} 2,401.
 *   <li>{@code FutexWakeOne}: {@code TERMINATED} 2,003.
 *   <li>{@code CheckThenAnnounceMutant}: {@code STALE} 4, {@code TERMINATED} 4 (a run ends at
 *       its first {@code STALE}, since the stuck thread cannot be recovered).
 * </ul>
 * Each sample starts a thread and waits about a millisecond for it, so a quick run takes few
 * samples; {@code -m default} or {@code -m tough} take many more.
 *
 * <pre>{@code
 * java -cp stress/target/jcstress.jar dev.atomicslocks.stress.StressRun -m quick \
 *     -t Ch8_01_WakeTermination
 * }</pre>
 */
public final class Ch8_01_WakeTermination {

    /** The longest random spin before a check; about twice jcstress's polling interval. */
    static final long MAX_DELAY_NANOS = 2_000_000;

    private Ch8_01_WakeTermination() {
    }

    /** Correct: {@code AtomicWait.wait} and {@code wakeOne} on an {@code AtomicU32}. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter finished")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the wake-up was lost")
    @State
    public static class ParkingLotWakeOne {
        private final AtomicU32 word = new AtomicU32();

        @Actor
        public void waiter() {
            while (word.load(ACQUIRE) == 0) {
                randomDelay();
                AtomicWait.wait(word, 0);
            }
        }

        @Signal
        public void waker() {
            word.store(1, RELEASE);
            AtomicWait.wakeOne(word);
        }
    }

    /** Correct: {@code AtomicWait.wait} and {@code wakeAll}. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter finished")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the wake-up was lost")
    @State
    public static class ParkingLotWakeAll {
        private final AtomicU32 word = new AtomicU32();

        @Actor
        public void waiter() {
            while (word.load(ACQUIRE) == 0) {
                randomDelay();
                AtomicWait.wait(word, 0);
            }
        }

        @Signal
        public void waker() {
            word.store(1, RELEASE);
            AtomicWait.wakeAll(word);
        }
    }

    /** Correct: the Linux futex on a word in native memory (Linux only). */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter finished")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the wake-up was lost")
    @State
    public static class FutexWakeOne {
        // Freed by the garbage collector once the state object is gone.
        private final FutexWord word = FutexWord.allocate(Arena.ofAuto());

        @Actor
        public void waiter() {
            while (word.load(ACQUIRE) == 0) {
                randomDelay();
                word.futexWait(0);
            }
        }

        @Signal
        public void waker() {
            word.store(1, RELEASE);
            word.wakeOne();
        }
    }

    /**
     * Broken: a hand-made wait that checks the word and only then makes itself known to the
     * waker, without checking again. A signal that lands between the two finds nobody to wake,
     * and the waiter sleeps for ever.
     */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter finished")
    @Outcome(id = "STALE", expect = ACCEPTABLE_INTERESTING,
            desc = "mutant caught: the wake-up was lost")
    @State
    public static class CheckThenAnnounceMutant {
        private final AtomicU32 word = new AtomicU32();
        private final AtomicRef<Thread> sleeper = new AtomicRef<>(null);

        @Actor
        public void waiter() {
            while (word.load(ACQUIRE) == 0) {
                randomDelay();
                sleeper.store(Thread.currentThread(), RELEASE);
                LockSupport.park(this);
            }
        }

        @Signal
        public void waker() {
            word.store(1, RELEASE);
            Thread waiter = sleeper.load(ACQUIRE);
            if (waiter != null) {
                LockSupport.unpark(waiter);
            }
        }
    }

    /** Spins for a random time of up to {@link #MAX_DELAY_NANOS}. */
    static void randomDelay() {
        long end = System.nanoTime() + ThreadLocalRandom.current().nextLong(MAX_DELAY_NANOS);
        while (System.nanoTime() - end < 0) {
            Thread.onSpinWait();
        }
    }
}
