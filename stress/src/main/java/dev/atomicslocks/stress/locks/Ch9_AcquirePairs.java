package dev.atomicslocks.stress.locks;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.atomicslocks.locks.Mutex;
import dev.atomicslocks.locks.MutexLock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Chapter 9, beyond the book: every way of taking the public {@code Mutex} and its
 * {@code MutexLock} view keeps critical sections apart from every other way, as jcstress's
 * own lock tests check each pair of a lock's acquiring methods. The four forms are
 * {@code lock}, {@code tryLock}, a timed {@code tryLock} (of {@value #TIMEOUT_MICROS}
 * microseconds, so that it can also give up) and {@code lockInterruptibly}; each variant pits
 * two of them against each other. Each thread, holding the lock, reads a counter, writes it
 * back plus one, and records what it read, or -1 if it did not get the lock; the arbiter
 * records the final count.
 *
 * <p>Allowed: both got the lock one after the other ({@code 0, 1, 2} or {@code 1, 0, 2}), or
 * a try form gave up because the other thread held the lock ({@code 0, -1, 1} when the second
 * thread tried, {@code -1, 0, 1} when the first did). Forbidden: overlapping critical
 * sections or a lost write ({@code 0, 0, 1}), both failing on a lock that was free for one of
 * them ({@code -1, -1, 0}), and a form that cannot fail failing.
 *
 * <p>The Java memory model: the ACQUIRE compare-exchange that takes the lock reads the
 * SEQ_CST fetch-and-add that released it, which orders the two critical sections, whichever
 * forms took the lock; a form that sleeps is woken only after that release.
 *
 * <p>Observed on this machine with {@code -m quick} (an AMD EPYC, 2 vCPUs under KVM, Temurin
 * 25.0.3, 2026-12-04), each outcome's count summed over jcstress's configurations; the timed form
 * gave up only a few dozen times, when the other thread was preempted while it held the lock:
 * <ul>
 *   <li>{@code MutexLockInterruptiblyVsLockInterruptibly}: {@code 0, 1, 2} 16,921,751,
 *       {@code 1, 0, 2} 37,561,557.
 *   <li>{@code MutexLockVsLock}: {@code 0, 1, 2} 21,896,553, {@code 1, 0, 2} 39,668,641.
 *   <li>{@code MutexLockVsLockInterruptibly}: {@code 0, 1, 2} 41,031,502, {@code 1, 0, 2}
 *       50,119,844.
 *   <li>{@code MutexLockVsTimedTryLock}: {@code 0, -1, 1} 25, {@code 0, 1, 2} 19,940,972,
 *       {@code 1, 0, 2} 14,137,459.
 *   <li>{@code MutexLockVsTryLock}: {@code 0, -1, 1} 1,733,645, {@code 0, 1, 2} 40,538,261,
 *       {@code 1, 0, 2} 59,413,608.
 *   <li>{@code MutexTimedTryLockVsLockInterruptibly}: {@code -1, 0, 1} 13, {@code 0, 1, 2}
 *       20,371,930, {@code 1, 0, 2} 36,144,931.
 *   <li>{@code MutexTimedTryLockVsTimedTryLock}: {@code -1, 0, 1} 25, {@code 0, -1, 1} 35,
 *       {@code 0, 1, 2} 42,289,120, {@code 1, 0, 2} 20,080,653.
 *   <li>{@code MutexTryLockVsLockInterruptibly}: {@code -1, 0, 1} 305,057, {@code 0, 1, 2}
 *       25,328,134, {@code 1, 0, 2} 26,025,476.
 *   <li>{@code MutexTryLockVsTimedTryLock}: {@code -1, 0, 1} 1,386,392, {@code 0, -1, 1} 45,
 *       {@code 0, 1, 2} 39,042,197, {@code 1, 0, 2} 12,084,400.
 *   <li>{@code MutexTryLockVsTryLock}: {@code -1, 0, 1} 5,930,898, {@code 0, -1, 1} 5,597,029,
 *       {@code 0, 1, 2} 30,543,562, {@code 1, 0, 2} 19,410,395.
 *   <li>{@code ViewLockInterruptiblyVsLockInterruptibly}: {@code 0, 1, 2} 11,910,003,
 *       {@code 1, 0, 2} 26,953,111.
 *   <li>{@code ViewLockVsLock}: {@code 0, 1, 2} 19,301,311, {@code 1, 0, 2} 16,424,313.
 *   <li>{@code ViewLockVsLockInterruptibly}: {@code 0, 1, 2} 17,167,395, {@code 1, 0, 2}
 *       29,205,599.
 *   <li>{@code ViewLockVsTimedTryLock}: {@code 0, -1, 1} 19, {@code 0, 1, 2} 44,018,146,
 *       {@code 1, 0, 2} 19,420,949.
 *   <li>{@code ViewLockVsTryLock}: {@code 0, -1, 1} 197,586, {@code 0, 1, 2} 11,455,617,
 *       {@code 1, 0, 2} 37,936,175.
 *   <li>{@code ViewTimedTryLockVsLockInterruptibly}: {@code -1, 0, 1} 8, {@code 0, 1, 2}
 *       22,504,441, {@code 1, 0, 2} 20,003,112.
 *   <li>{@code ViewTimedTryLockVsTimedTryLock}: {@code -1, 0, 1} 29, {@code 0, -1, 1} 31,
 *       {@code 0, 1, 2} 22,905,478, {@code 1, 0, 2} 61,361,736.
 *   <li>{@code ViewTryLockVsLockInterruptibly}: {@code -1, 0, 1} 1,753,626, {@code 0, 1, 2}
 *       40,551,221, {@code 1, 0, 2} 37,712,827.
 *   <li>{@code ViewTryLockVsTimedTryLock}: {@code -1, 0, 1} 452,661, {@code 0, -1, 1} 38,
 *       {@code 0, 1, 2} 42,978,017, {@code 1, 0, 2} 15,659,548.
 *   <li>{@code ViewTryLockVsTryLock}: {@code -1, 0, 1} 2,366,921, {@code 0, -1, 1} 2,341,907,
 *       {@code 0, 1, 2} 37,993,495, {@code 1, 0, 2} 24,926,846.
 *   <li>{@code WriteAfterUnlockMutant}: {@code 0, 0, 1} 498,611, {@code 0, 1, 2} 34,431,645,
 *       {@code 1, 0, 2} 40,254,138.
 * </ul>
 *
 * <pre>{@code
 * java -cp stress/target/jcstress.jar dev.atomicslocks.stress.StressRun -m quick \
 *     -t Ch9_AcquirePairs
 * }</pre>
 */
public final class Ch9_AcquirePairs {

    /** How long the timed form waits before it gives up; chosen to be short. */
    static final long TIMEOUT_MICROS = 50;
    private static final Duration TIMEOUT = Duration.ofNanos(TIMEOUT_MICROS * 1_000);

    static final String BOTH =
            "both threads got the lock, one after the other, and the second saw the first's write";
    static final String ONE_TRY_FAILED =
            "the thread that only tried gave up while the other held the lock";
    static final String BROKEN =
            "the critical sections overlapped, a write was lost, or a free lock was refused";

    /** A form of locking ended by an unexpected interrupt: no actor is ever interrupted. */
    static final int INTERRUPTED = -2;

    private Ch9_AcquirePairs() {
    }

    /** The public {@code Mutex}: lock against lock. */
    @JCStressTest
    @Outcome(id = {"0, 1, 2", "1, 0, 2"}, expect = ACCEPTABLE, desc = BOTH)
    @Outcome(expect = FORBIDDEN, desc = BROKEN)
    @State
    public static class MutexLockVsLock {
        private final Mutex<int[]> subject = new Mutex<>(new int[1]);

        @Actor
        public void first(III_Result r) {
            r.r1 = viaLock(subject);
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = viaLock(subject);
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = count(subject);
        }
    }

    /** The public {@code Mutex}: lock against tryLock. */
    @JCStressTest
    @Outcome(id = {"0, 1, 2", "1, 0, 2"}, expect = ACCEPTABLE, desc = BOTH)
    @Outcome(id = "0, -1, 1", expect = ACCEPTABLE, desc = ONE_TRY_FAILED)
    @Outcome(expect = FORBIDDEN, desc = BROKEN)
    @State
    public static class MutexLockVsTryLock {
        private final Mutex<int[]> subject = new Mutex<>(new int[1]);

        @Actor
        public void first(III_Result r) {
            r.r1 = viaLock(subject);
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = viaTryLock(subject);
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = count(subject);
        }
    }

    /** The public {@code Mutex}: lock against timed tryLock. */
    @JCStressTest
    @Outcome(id = {"0, 1, 2", "1, 0, 2"}, expect = ACCEPTABLE, desc = BOTH)
    @Outcome(id = "0, -1, 1", expect = ACCEPTABLE, desc = ONE_TRY_FAILED)
    @Outcome(expect = FORBIDDEN, desc = BROKEN)
    @State
    public static class MutexLockVsTimedTryLock {
        private final Mutex<int[]> subject = new Mutex<>(new int[1]);

        @Actor
        public void first(III_Result r) {
            r.r1 = viaLock(subject);
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = viaTimedTryLock(subject);
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = count(subject);
        }
    }

    /** The public {@code Mutex}: lock against lockInterruptibly. */
    @JCStressTest
    @Outcome(id = {"0, 1, 2", "1, 0, 2"}, expect = ACCEPTABLE, desc = BOTH)
    @Outcome(expect = FORBIDDEN, desc = BROKEN)
    @State
    public static class MutexLockVsLockInterruptibly {
        private final Mutex<int[]> subject = new Mutex<>(new int[1]);

        @Actor
        public void first(III_Result r) {
            r.r1 = viaLock(subject);
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = viaLockInterruptibly(subject);
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = count(subject);
        }
    }

    /** The public {@code Mutex}: tryLock against tryLock. */
    @JCStressTest
    @Outcome(id = {"0, 1, 2", "1, 0, 2"}, expect = ACCEPTABLE, desc = BOTH)
    @Outcome(id = {"-1, 0, 1", "0, -1, 1"}, expect = ACCEPTABLE, desc = ONE_TRY_FAILED)
    @Outcome(expect = FORBIDDEN, desc = BROKEN)
    @State
    public static class MutexTryLockVsTryLock {
        private final Mutex<int[]> subject = new Mutex<>(new int[1]);

        @Actor
        public void first(III_Result r) {
            r.r1 = viaTryLock(subject);
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = viaTryLock(subject);
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = count(subject);
        }
    }

    /** The public {@code Mutex}: tryLock against timed tryLock. */
    @JCStressTest
    @Outcome(id = {"0, 1, 2", "1, 0, 2"}, expect = ACCEPTABLE, desc = BOTH)
    @Outcome(id = {"-1, 0, 1", "0, -1, 1"}, expect = ACCEPTABLE, desc = ONE_TRY_FAILED)
    @Outcome(expect = FORBIDDEN, desc = BROKEN)
    @State
    public static class MutexTryLockVsTimedTryLock {
        private final Mutex<int[]> subject = new Mutex<>(new int[1]);

        @Actor
        public void first(III_Result r) {
            r.r1 = viaTryLock(subject);
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = viaTimedTryLock(subject);
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = count(subject);
        }
    }

    /** The public {@code Mutex}: tryLock against lockInterruptibly. */
    @JCStressTest
    @Outcome(id = {"0, 1, 2", "1, 0, 2"}, expect = ACCEPTABLE, desc = BOTH)
    @Outcome(id = "-1, 0, 1", expect = ACCEPTABLE, desc = ONE_TRY_FAILED)
    @Outcome(expect = FORBIDDEN, desc = BROKEN)
    @State
    public static class MutexTryLockVsLockInterruptibly {
        private final Mutex<int[]> subject = new Mutex<>(new int[1]);

        @Actor
        public void first(III_Result r) {
            r.r1 = viaTryLock(subject);
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = viaLockInterruptibly(subject);
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = count(subject);
        }
    }

    /** The public {@code Mutex}: timed tryLock against timed tryLock. */
    @JCStressTest
    @Outcome(id = {"0, 1, 2", "1, 0, 2"}, expect = ACCEPTABLE, desc = BOTH)
    @Outcome(id = {"-1, 0, 1", "0, -1, 1"}, expect = ACCEPTABLE, desc = ONE_TRY_FAILED)
    @Outcome(expect = FORBIDDEN, desc = BROKEN)
    @State
    public static class MutexTimedTryLockVsTimedTryLock {
        private final Mutex<int[]> subject = new Mutex<>(new int[1]);

        @Actor
        public void first(III_Result r) {
            r.r1 = viaTimedTryLock(subject);
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = viaTimedTryLock(subject);
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = count(subject);
        }
    }

    /** The public {@code Mutex}: timed tryLock against lockInterruptibly. */
    @JCStressTest
    @Outcome(id = {"0, 1, 2", "1, 0, 2"}, expect = ACCEPTABLE, desc = BOTH)
    @Outcome(id = "-1, 0, 1", expect = ACCEPTABLE, desc = ONE_TRY_FAILED)
    @Outcome(expect = FORBIDDEN, desc = BROKEN)
    @State
    public static class MutexTimedTryLockVsLockInterruptibly {
        private final Mutex<int[]> subject = new Mutex<>(new int[1]);

        @Actor
        public void first(III_Result r) {
            r.r1 = viaTimedTryLock(subject);
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = viaLockInterruptibly(subject);
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = count(subject);
        }
    }

    /** The public {@code Mutex}: lockInterruptibly against lockInterruptibly. */
    @JCStressTest
    @Outcome(id = {"0, 1, 2", "1, 0, 2"}, expect = ACCEPTABLE, desc = BOTH)
    @Outcome(expect = FORBIDDEN, desc = BROKEN)
    @State
    public static class MutexLockInterruptiblyVsLockInterruptibly {
        private final Mutex<int[]> subject = new Mutex<>(new int[1]);

        @Actor
        public void first(III_Result r) {
            r.r1 = viaLockInterruptibly(subject);
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = viaLockInterruptibly(subject);
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = count(subject);
        }
    }

    /** The {@code MutexLock} view: lock against lock. */
    @JCStressTest
    @Outcome(id = {"0, 1, 2", "1, 0, 2"}, expect = ACCEPTABLE, desc = BOTH)
    @Outcome(expect = FORBIDDEN, desc = BROKEN)
    @State
    public static class ViewLockVsLock {
        private final MutexCounter subject = new MutexCounter();

        @Actor
        public void first(III_Result r) {
            r.r1 = viaLock(subject);
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = viaLock(subject);
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = count(subject);
        }
    }

    /** The {@code MutexLock} view: lock against tryLock. */
    @JCStressTest
    @Outcome(id = {"0, 1, 2", "1, 0, 2"}, expect = ACCEPTABLE, desc = BOTH)
    @Outcome(id = "0, -1, 1", expect = ACCEPTABLE, desc = ONE_TRY_FAILED)
    @Outcome(expect = FORBIDDEN, desc = BROKEN)
    @State
    public static class ViewLockVsTryLock {
        private final MutexCounter subject = new MutexCounter();

        @Actor
        public void first(III_Result r) {
            r.r1 = viaLock(subject);
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = viaTryLock(subject);
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = count(subject);
        }
    }

    /** The {@code MutexLock} view: lock against timed tryLock. */
    @JCStressTest
    @Outcome(id = {"0, 1, 2", "1, 0, 2"}, expect = ACCEPTABLE, desc = BOTH)
    @Outcome(id = "0, -1, 1", expect = ACCEPTABLE, desc = ONE_TRY_FAILED)
    @Outcome(expect = FORBIDDEN, desc = BROKEN)
    @State
    public static class ViewLockVsTimedTryLock {
        private final MutexCounter subject = new MutexCounter();

        @Actor
        public void first(III_Result r) {
            r.r1 = viaLock(subject);
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = viaTimedTryLock(subject);
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = count(subject);
        }
    }

    /** The {@code MutexLock} view: lock against lockInterruptibly. */
    @JCStressTest
    @Outcome(id = {"0, 1, 2", "1, 0, 2"}, expect = ACCEPTABLE, desc = BOTH)
    @Outcome(expect = FORBIDDEN, desc = BROKEN)
    @State
    public static class ViewLockVsLockInterruptibly {
        private final MutexCounter subject = new MutexCounter();

        @Actor
        public void first(III_Result r) {
            r.r1 = viaLock(subject);
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = viaLockInterruptibly(subject);
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = count(subject);
        }
    }

    /** The {@code MutexLock} view: tryLock against tryLock. */
    @JCStressTest
    @Outcome(id = {"0, 1, 2", "1, 0, 2"}, expect = ACCEPTABLE, desc = BOTH)
    @Outcome(id = {"-1, 0, 1", "0, -1, 1"}, expect = ACCEPTABLE, desc = ONE_TRY_FAILED)
    @Outcome(expect = FORBIDDEN, desc = BROKEN)
    @State
    public static class ViewTryLockVsTryLock {
        private final MutexCounter subject = new MutexCounter();

        @Actor
        public void first(III_Result r) {
            r.r1 = viaTryLock(subject);
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = viaTryLock(subject);
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = count(subject);
        }
    }

    /** The {@code MutexLock} view: tryLock against timed tryLock. */
    @JCStressTest
    @Outcome(id = {"0, 1, 2", "1, 0, 2"}, expect = ACCEPTABLE, desc = BOTH)
    @Outcome(id = {"-1, 0, 1", "0, -1, 1"}, expect = ACCEPTABLE, desc = ONE_TRY_FAILED)
    @Outcome(expect = FORBIDDEN, desc = BROKEN)
    @State
    public static class ViewTryLockVsTimedTryLock {
        private final MutexCounter subject = new MutexCounter();

        @Actor
        public void first(III_Result r) {
            r.r1 = viaTryLock(subject);
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = viaTimedTryLock(subject);
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = count(subject);
        }
    }

    /** The {@code MutexLock} view: tryLock against lockInterruptibly. */
    @JCStressTest
    @Outcome(id = {"0, 1, 2", "1, 0, 2"}, expect = ACCEPTABLE, desc = BOTH)
    @Outcome(id = "-1, 0, 1", expect = ACCEPTABLE, desc = ONE_TRY_FAILED)
    @Outcome(expect = FORBIDDEN, desc = BROKEN)
    @State
    public static class ViewTryLockVsLockInterruptibly {
        private final MutexCounter subject = new MutexCounter();

        @Actor
        public void first(III_Result r) {
            r.r1 = viaTryLock(subject);
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = viaLockInterruptibly(subject);
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = count(subject);
        }
    }

    /** The {@code MutexLock} view: timed tryLock against timed tryLock. */
    @JCStressTest
    @Outcome(id = {"0, 1, 2", "1, 0, 2"}, expect = ACCEPTABLE, desc = BOTH)
    @Outcome(id = {"-1, 0, 1", "0, -1, 1"}, expect = ACCEPTABLE, desc = ONE_TRY_FAILED)
    @Outcome(expect = FORBIDDEN, desc = BROKEN)
    @State
    public static class ViewTimedTryLockVsTimedTryLock {
        private final MutexCounter subject = new MutexCounter();

        @Actor
        public void first(III_Result r) {
            r.r1 = viaTimedTryLock(subject);
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = viaTimedTryLock(subject);
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = count(subject);
        }
    }

    /** The {@code MutexLock} view: timed tryLock against lockInterruptibly. */
    @JCStressTest
    @Outcome(id = {"0, 1, 2", "1, 0, 2"}, expect = ACCEPTABLE, desc = BOTH)
    @Outcome(id = "-1, 0, 1", expect = ACCEPTABLE, desc = ONE_TRY_FAILED)
    @Outcome(expect = FORBIDDEN, desc = BROKEN)
    @State
    public static class ViewTimedTryLockVsLockInterruptibly {
        private final MutexCounter subject = new MutexCounter();

        @Actor
        public void first(III_Result r) {
            r.r1 = viaTimedTryLock(subject);
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = viaLockInterruptibly(subject);
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = count(subject);
        }
    }

    /** The {@code MutexLock} view: lockInterruptibly against lockInterruptibly. */
    @JCStressTest
    @Outcome(id = {"0, 1, 2", "1, 0, 2"}, expect = ACCEPTABLE, desc = BOTH)
    @Outcome(expect = FORBIDDEN, desc = BROKEN)
    @State
    public static class ViewLockInterruptiblyVsLockInterruptibly {
        private final MutexCounter subject = new MutexCounter();

        @Actor
        public void first(III_Result r) {
            r.r1 = viaLockInterruptibly(subject);
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = viaLockInterruptibly(subject);
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = count(subject);
        }
    }

    /**
     * Broken: a critical section that writes its increment back after closing the guard, so
     * that the two read-modify-writes can overlap and one increment is lost.
     */
    @JCStressTest
    @Outcome(id = {"0, 1, 2", "1, 0, 2"}, expect = ACCEPTABLE, desc = BOTH)
    @Outcome(id = {"0, 0, 1"}, expect = ACCEPTABLE_INTERESTING,
            desc = "mutant caught: the critical sections overlapped and a write was lost")
    @Outcome(expect = FORBIDDEN, desc = BROKEN)
    @State
    public static class WriteAfterUnlockMutant {
        private final Mutex<int[]> subject = new Mutex<>(new int[1]);

        @Actor
        public void first(III_Result r) {
            r.r1 = writeAfterUnlock(subject);
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = writeAfterUnlock(subject);
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = count(subject);
        }

        private static int writeAfterUnlock(Mutex<int[]> mutex) {
            int[] counter;
            int seen;
            try (var guard = mutex.lock()) {
                counter = guard.get();
                seen = counter[0];
            }
            counter[0] = seen + 1;
            return seen;
        }
    }

    /** A {@code MutexLock} and the counter it guards. */
    static final class MutexCounter {
        final MutexLock lock = new MutexLock();
        /** Guarded by {@link #lock}. */
        int counter;
    }

    // --- one critical section in each form: the value read, or -1 without the lock ---

    static int viaLock(Mutex<int[]> mutex) {
        try (var guard = mutex.lock()) {
            return guard.get()[0]++;
        }
    }

    static int viaTryLock(Mutex<int[]> mutex) {
        try (var guard = mutex.tryLock()) {
            return guard == null ? -1 : guard.get()[0]++;
        }
    }

    static int viaTimedTryLock(Mutex<int[]> mutex) {
        try (var guard = mutex.tryLock(TIMEOUT)) {
            return guard == null ? -1 : guard.get()[0]++;
        } catch (InterruptedException e) {
            return INTERRUPTED;
        }
    }

    static int viaLockInterruptibly(Mutex<int[]> mutex) {
        try (var guard = mutex.lockInterruptibly()) {
            return guard.get()[0]++;
        } catch (InterruptedException e) {
            return INTERRUPTED;
        }
    }

    static int count(Mutex<int[]> mutex) {
        try (var guard = mutex.lock()) {
            return guard.get()[0];
        }
    }

    static int viaLock(MutexCounter subject) {
        subject.lock.lock();
        try {
            return subject.counter++;
        } finally {
            subject.lock.unlock();
        }
    }

    static int viaTryLock(MutexCounter subject) {
        if (!subject.lock.tryLock()) {
            return -1;
        }
        try {
            return subject.counter++;
        } finally {
            subject.lock.unlock();
        }
    }

    static int viaTimedTryLock(MutexCounter subject) {
        try {
            if (!subject.lock.tryLock(TIMEOUT_MICROS, TimeUnit.MICROSECONDS)) {
                return -1;
            }
        } catch (InterruptedException e) {
            return INTERRUPTED;
        }
        try {
            return subject.counter++;
        } finally {
            subject.lock.unlock();
        }
    }

    static int viaLockInterruptibly(MutexCounter subject) {
        try {
            subject.lock.lockInterruptibly();
        } catch (InterruptedException e) {
            return INTERRUPTED;
        }
        try {
            return subject.counter++;
        } finally {
            subject.lock.unlock();
        }
    }

    static int count(MutexCounter subject) {
        subject.lock.lock();
        try {
            return subject.counter;
        } finally {
            subject.lock.unlock();
        }
    }
}
