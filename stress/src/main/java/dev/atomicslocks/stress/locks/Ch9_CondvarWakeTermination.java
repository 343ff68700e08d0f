package dev.atomicslocks.stress.locks;

import static dev.atomicslocks.basics.Ordering.RELAXED;
import static dev.atomicslocks.basics.Ordering.SEQ_CST;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.atomicslocks.basics.AtomicU32;
import dev.atomicslocks.locks.Condvar;
import dev.atomicslocks.locks.Mutex;
import dev.atomicslocks.locks.MutexLock;
import dev.atomicslocks.oswait.AtomicWait;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

/**
 * Chapter 9: a thread waiting on a condition variable for a flag always sees the flag once
 * another thread sets it under the mutex and signals, in every form of waiting and of
 * signalling. A lost signal leaves the waiter asleep, which jcstress reports as
 * {@code STALE}. The signal comes with the mutex held, which moves the waiter onto the mutex
 * (the requeue path), or after the unlock, which wakes it directly; {@code signalAll} after
 * the unlock wakes one waiter and moves the others. The waiter spins for a random time of up
 * to {@value Delays#MAX_DELAY_NANOS} ns before it locks, so that the signal
 * lands anywhere on its way: before it waits, between its read of the condvar's counter and
 * its sleep, and after.
 *
 * <p>Two hand-made pairs of a book-style futex mutex and a requeueing condvar show the
 * requeue's own rule: the correct one marks the mutex contended before it moves the waiter
 * onto it, so that the holder's unlock wakes the waiter; its mutant does not, and the moved
 * waiter sleeps for ever. A third mutant reads the condvar's counter after unlocking the
 * mutex, the mistake the book warns of: a signal between the unlock and the read is lost.
 *
 * <p>Observed on this machine with {@code -m quick} (an AMD EPYC, 2 vCPUs under KVM, Temurin
 * 25.0.3, 2026-12-04), summed over jcstress's configurations (a run ends at its first
 * {@code STALE}, since the stuck thread cannot be recovered):
 * <ul>
 *   <li>{@code AwaitSignalHeld}: {@code TERMINATED} 2,382.
 *   <li>{@code AwaitSignalReleased}: {@code TERMINATED} 2,331.
 *   <li>{@code AwaitUninterruptiblySignalAllHeld}: {@code TERMINATED} 2,344.
 *   <li>{@code AwaitUninterruptiblySignalAllReleased}: {@code TERMINATED} 2,229.
 *   <li>{@code AwaitUninterruptiblySignalHeld}: {@code TERMINATED} 2,347.
 *   <li>{@code AwaitUninterruptiblySignalReleased}: {@code TERMINATED} 2,274.
 *   <li>{@code AwaitWhileSignalHeld}: {@code TERMINATED} 2,064.
 *   <li>{@code AwaitWhileUninterruptiblySignalReleased}: {@code TERMINATED} 1,908.
 *   <li>{@code CounterAfterUnlockMutant}: {@code STALE} 4, {@code TERMINATED} 4.
 *   <li>{@code HandMadeRequeue}: {@code TERMINATED} 2,001.
 *   <li>{@code RequeueWithoutMarkMutant}: {@code STALE} 4, {@code TERMINATED} 2.
 *   <li>{@code TimedAwaitSignalHeld}: {@code TERMINATED} 2,290.
 *   <li>{@code TimedAwaitSignalReleased}: {@code TERMINATED} 2,314.
 *   <li>{@code TimedAwaitWhileSignalHeld}: {@code TERMINATED} 2,285.
 *   <li>{@code ViewAwaitSignalHeld}: {@code TERMINATED} 2,071.
 * </ul>
 *
 * <pre>{@code
 * java -cp stress/target/jcstress.jar dev.atomicslocks.stress.StressRun -m quick \
 *     -t Ch9_CondvarWakeTermination
 * }</pre>
 */
public final class Ch9_CondvarWakeTermination {

    private Ch9_CondvarWakeTermination() {
    }

    /** {@code await} against {@code signal} with the mutex held (the requeue onto the mutex). */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter saw the change")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the signal was lost")
    @State
    public static class AwaitSignalHeld {
        private final Flagged flagged = new Flagged();

        @Actor
        public void waiter() {
            flagged.awaitFlag(WaitForm.AWAIT);
        }

        @Signal
        public void signaller() {
            flagged.setFlag(SignalForm.ONE_HELD);
        }
    }

    /** {@code await} against {@code signal} after the unlock (a direct wake). */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter saw the change")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the signal was lost")
    @State
    public static class AwaitSignalReleased {
        private final Flagged flagged = new Flagged();

        @Actor
        public void waiter() {
            flagged.awaitFlag(WaitForm.AWAIT);
        }

        @Signal
        public void signaller() {
            flagged.setFlag(SignalForm.ONE_RELEASED);
        }
    }

    /**
     * {@code awaitUninterruptibly} against {@code signal} with the mutex held (the requeue onto the
     * mutex).
     */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter saw the change")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the signal was lost")
    @State
    public static class AwaitUninterruptiblySignalHeld {
        private final Flagged flagged = new Flagged();

        @Actor
        public void waiter() {
            flagged.awaitFlag(WaitForm.UNINTERRUPTIBLY);
        }

        @Signal
        public void signaller() {
            flagged.setFlag(SignalForm.ONE_HELD);
        }
    }

    /** {@code awaitUninterruptibly} against {@code signal} after the unlock (a direct wake). */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter saw the change")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the signal was lost")
    @State
    public static class AwaitUninterruptiblySignalReleased {
        private final Flagged flagged = new Flagged();

        @Actor
        public void waiter() {
            flagged.awaitFlag(WaitForm.UNINTERRUPTIBLY);
        }

        @Signal
        public void signaller() {
            flagged.setFlag(SignalForm.ONE_RELEASED);
        }
    }

    /**
     * A timed {@code await} that outlasts any run against {@code signal} with the mutex held (the
     * requeue onto the mutex).
     */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter saw the change")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the signal was lost")
    @State
    public static class TimedAwaitSignalHeld {
        private final Flagged flagged = new Flagged();

        @Actor
        public void waiter() {
            flagged.awaitFlag(WaitForm.TIMED);
        }

        @Signal
        public void signaller() {
            flagged.setFlag(SignalForm.ONE_HELD);
        }
    }

    /**
     * A timed {@code await} that outlasts any run against {@code signal} after the unlock (a direct
     * wake).
     */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter saw the change")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the signal was lost")
    @State
    public static class TimedAwaitSignalReleased {
        private final Flagged flagged = new Flagged();

        @Actor
        public void waiter() {
            flagged.awaitFlag(WaitForm.TIMED);
        }

        @Signal
        public void signaller() {
            flagged.setFlag(SignalForm.ONE_RELEASED);
        }
    }

    /**
     * {@code awaitWhile} against {@code signal} with the mutex held (the requeue onto the mutex).
     */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter saw the change")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the signal was lost")
    @State
    public static class AwaitWhileSignalHeld {
        private final Flagged flagged = new Flagged();

        @Actor
        public void waiter() {
            flagged.awaitFlag(WaitForm.WHILE);
        }

        @Signal
        public void signaller() {
            flagged.setFlag(SignalForm.ONE_HELD);
        }
    }

    /**
     * {@code awaitWhileUninterruptibly} against {@code signal} after the unlock (a direct wake).
     */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter saw the change")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the signal was lost")
    @State
    public static class AwaitWhileUninterruptiblySignalReleased {
        private final Flagged flagged = new Flagged();

        @Actor
        public void waiter() {
            flagged.awaitFlag(WaitForm.WHILE_UNINTERRUPTIBLY);
        }

        @Signal
        public void signaller() {
            flagged.setFlag(SignalForm.ONE_RELEASED);
        }
    }

    /**
     * A timed {@code awaitWhile} that outlasts any run against {@code signal} with the mutex
     * held (the requeue onto the mutex).
     */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter saw the change")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the signal was lost")
    @State
    public static class TimedAwaitWhileSignalHeld {
        private final Flagged flagged = new Flagged();

        @Actor
        public void waiter() {
            flagged.awaitFlag(WaitForm.WHILE_TIMED);
        }

        @Signal
        public void signaller() {
            flagged.setFlag(SignalForm.ONE_HELD);
        }
    }

    /**
     * {@code awaitUninterruptibly} against {@code signalAll} with the mutex held (the requeue of
     * all).
     */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter saw the change")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the signal was lost")
    @State
    public static class AwaitUninterruptiblySignalAllHeld {
        private final Flagged flagged = new Flagged();

        @Actor
        public void waiter() {
            flagged.awaitFlag(WaitForm.UNINTERRUPTIBLY);
        }

        @Signal
        public void signaller() {
            flagged.setFlag(SignalForm.ALL_HELD);
        }
    }

    /**
     * {@code awaitUninterruptibly} against {@code signalAll} after the unlock (a wake and a
     * requeue).
     */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter saw the change")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the signal was lost")
    @State
    public static class AwaitUninterruptiblySignalAllReleased {
        private final Flagged flagged = new Flagged();

        @Actor
        public void waiter() {
            flagged.awaitFlag(WaitForm.UNINTERRUPTIBLY);
        }

        @Signal
        public void signaller() {
            flagged.setFlag(SignalForm.ALL_RELEASED);
        }
    }

    /**
     * The Condition of the {@code MutexLock} view: {@code await} against {@code signal}, which
     * needs the lock.
     */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter saw the change")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the signal was lost")
    @State
    public static class ViewAwaitSignalHeld {
        private final MutexLock lock = new MutexLock();
        private final Condition changed = lock.newCondition();
        /** Guarded by {@link #lock}. */
        private boolean flag;

        @Actor
        public void waiter() {
            Delays.randomDelay();
            lock.lock();
            try {
                while (!flag) {
                    changed.awaitUninterruptibly();
                }
            } finally {
                lock.unlock();
            }
        }

        @Signal
        public void signaller() {
            lock.lock();
            try {
                flag = true;
                changed.signal();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Correct: the hand-made requeue marks the mutex contended before moving the waiter. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter saw the change")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the signal was lost")
    @State
    public static class HandMadeRequeue {
        private final HandMadePair pair = new HandMadePair(true);

        @Actor
        public void waiter() {
            pair.awaitFlag();
        }

        @Signal
        public void signaller() {
            pair.setFlagAndSignalHeld();
        }
    }

    /**
     * Broken: the hand-made requeue moves the waiter onto the mutex without marking it
     * contended, so the holder's unlock finds no reason to wake anyone.
     */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter saw the change")
    @Outcome(id = "STALE", expect = ACCEPTABLE_INTERESTING,
            desc = "mutant caught: the moved waiter was never woken")
    @State
    public static class RequeueWithoutMarkMutant {
        private final HandMadePair pair = new HandMadePair(false);

        @Actor
        public void waiter() {
            pair.awaitFlag();
        }

        @Signal
        public void signaller() {
            pair.setFlagAndSignalHeld();
        }
    }

    /**
     * Broken: a condvar made of the public Mutex and a counter that reads the counter only
     * after unlocking: a signal between the unlock and the read goes unseen.
     */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter saw the change")
    @Outcome(id = "STALE", expect = ACCEPTABLE_INTERESTING,
            desc = "mutant caught: the signal came between the unlock and the read")
    @State
    public static class CounterAfterUnlockMutant {
        private final Mutex<boolean[]> mutex = new Mutex<>(new boolean[1]);
        private final AtomicU32 counter = new AtomicU32();

        @Actor
        public void waiter() {
            Delays.randomDelay();
            var guard = mutex.lock();
            while (!guard.get()[0]) {
                guard.close();
                Delays.randomDelay();
                int seen = counter.load(RELAXED);
                AtomicWait.wait(counter, seen);
                guard = mutex.lock();
            }
            guard.close();
        }

        @Signal
        public void signaller() {
            try (var guard = mutex.lock()) {
                guard.get()[0] = true;
            }
            counter.fetchAdd(1, RELAXED);
            AtomicWait.wakeAll(counter);
        }
    }

    /** How the waiter of a {@link Flagged} waits. */
    enum WaitForm {
        AWAIT,
        UNINTERRUPTIBLY,
        TIMED,
        WHILE,
        WHILE_UNINTERRUPTIBLY,
        WHILE_TIMED
    }

    /** How the signaller of a {@link Flagged} signals. */
    enum SignalForm {
        ONE_HELD,
        ONE_RELEASED,
        ALL_HELD,
        ALL_RELEASED
    }

    /** Longer than any run: a timed wait that times out would hide a lost signal. */
    static final Duration FOREVER = Duration.ofDays(1);

    /** A flag behind the public Mutex, and the Condvar its waiter waits on. */
    static final class Flagged {
        private final Mutex<boolean[]> mutex = new Mutex<>(new boolean[1]);
        private final Condvar changed = new Condvar();

        /** Waits, after a random delay, until the flag is set. */
        void awaitFlag(WaitForm wait) {
            Delays.randomDelay();
            try (var guard = mutex.lock()) {
                switch (wait) {
                    case WHILE -> {
                        changed.awaitWhile(guard, flag -> !flag[0]);
                        return;
                    }
                    case WHILE_UNINTERRUPTIBLY -> {
                        changed.awaitWhileUninterruptibly(guard, flag -> !flag[0]);
                        return;
                    }
                    case WHILE_TIMED -> {
                        if (!changed.awaitWhile(guard, flag -> !flag[0], FOREVER)) {
                            throw new IllegalStateException("a wait of a day ran out");
                        }
                        return;
                    }
                    default -> {
                        // The plain forms, each in the loop below.
                    }
                }
                while (!guard.get()[0]) {
                    switch (wait) {
                        case AWAIT -> changed.await(guard);
                        case UNINTERRUPTIBLY -> changed.awaitUninterruptibly(guard);
                        default -> changed.await(guard, FOREVER);
                    }
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException("nobody interrupts the waiter", e);
            }
        }

        /** Sets the flag and signals as {@code signal} says. */
        void setFlag(SignalForm signal) {
            boolean held = signal == SignalForm.ONE_HELD || signal == SignalForm.ALL_HELD;
            boolean all = signal == SignalForm.ALL_HELD || signal == SignalForm.ALL_RELEASED;
            try (var guard = mutex.lock()) {
                guard.get()[0] = true;
                if (held) {
                    signal(all);
                }
            }
            if (!held) {
                signal(all);
            }
        }

        private void signal(boolean all) {
            if (all) {
                changed.signalAll();
            } else {
                changed.signal();
            }
        }
    }

    /**
     * A book-style futex mutex (0 free, 1 locked, 2 locked and contended) with a condvar
     * that moves its waiter onto the mutex word when signalled under the lock, marking the
     * mutex contended first, or (as a mutant) not.
     */
    static final class HandMadePair {
        private static final int LOCKED = 1;
        private static final int CONTENDED = 2;

        private final boolean markBeforeMoving;
        private final AtomicU32 state = new AtomicU32();
        private final AtomicU32 counter = new AtomicU32();
        /** Guarded by the mutex. */
        private boolean flag;

        HandMadePair(boolean markBeforeMoving) {
            this.markBeforeMoving = markBeforeMoving;
        }

        void awaitFlag() {
            Delays.randomDelay();
            lock();
            while (!flag) {
                int seen = counter.load(RELAXED);
                unlock();
                AtomicWait.wait(counter, seen);
                // Possibly moved onto the mutex: others may sleep there, so lock contended.
                lockContended();
            }
            unlock();
        }

        void setFlagAndSignalHeld() {
            lock();
            flag = true;
            counter.fetchAdd(1, RELAXED);
            int gate = LOCKED;
            if (markBeforeMoving) {
                state.compareExchange(LOCKED, CONTENDED, SEQ_CST, SEQ_CST);
                gate = CONTENDED;
            }
            // Held by this thread, the word can only go from LOCKED to CONTENDED.
            if (AtomicWait.requeue(counter, state, gate, 1) == -1) {
                AtomicWait.wakeOne(counter);
            }
            unlock();
        }

        private void lock() {
            if (state.compareExchange(0, LOCKED, SEQ_CST, SEQ_CST) != 0) {
                lockContended();
            }
        }

        private void lockContended() {
            while (state.swap(CONTENDED, SEQ_CST) != 0) {
                AtomicWait.wait(state, CONTENDED);
            }
        }

        private void unlock() {
            if (state.swap(0, SEQ_CST) == CONTENDED) {
                AtomicWait.wakeOne(state);
            }
        }
    }
}
