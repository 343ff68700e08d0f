package dev.atomicslocks.benchmarks.locks;

import dev.atomicslocks.locks.Condvar;
import dev.atomicslocks.locks.Mutex;
import dev.atomicslocks.locks.MutexLock;
import dev.atomicslocks.locks.steps.Condvar2;
import dev.atomicslocks.locks.steps.Mutex3;
import dev.atomicslocks.locks.steps.StepMutex;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Condition variable ping-pong: how long does one hand-over of a turn between two threads
 * take through {@code Mutex} and {@code Condvar}, through the book's condvar step 2 on its
 * mutex step 3, through {@code MutexLock}'s {@code Condition}, and through
 * {@code ReentrantLock} and its {@code Condition}?
 *
 * <p>Two threads share a turn, guarded by the mutex. Each in turn locks, waits on the
 * condition variable while the turn is the other's, passes the turn over, signals and unlocks.
 * The signal comes either after the unlock ({@code signalAfterUnlock}) or while the mutex is
 * still held ({@code signalWhileHeld}). In the second case the book's condvar wakes the other
 * thread straight into the mutex its signaller holds, where it sleeps again; {@code Condvar}
 * moves it onto the mutex instead, and the unlock wakes it, as {@code ReentrantLock}'s
 * {@code Condition} does. A {@code Condition} can only be signalled with the lock held, so
 * the {@code Lock} benchmarks have that form only.
 *
 * <p>The benchmark thread plays one side; a partner thread, started with the state and
 * stopped (through the same mutex and condition variable) when the trial ends, plays the
 * other. Every hand-over wakes a sleeping thread, so one operation, one turn of the
 * benchmark thread, is a full round trip: its own hand-over and the partner's.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms256m", "-Xmx256m",
        "--sun-misc-unsafe-memory-access=allow"})
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
public class CondvarBenchmark {

    /** The side the benchmark thread plays. */
    static final int MEASURED = 0;
    /** The side the partner thread plays. */
    static final int PARTNER = 1;

    /** Whose turn it is, and whether the partner should stop; guarded by the mutex. */
    static final class Turn {
        int next = MEASURED;
        boolean stopped;
    }

    /** A mutex and condition variable of one kind, and the partner thread on its other side. */
    @State(Scope.Benchmark)
    public abstract static class PingPong {
        private @Nullable Thread partner;

        /**
         * Waits for {@code me}'s turn, passes it to the other side and signals.
         *
         * @return false, without waiting, once the partner was told to stop
         */
        abstract boolean take(int me);

        /** Tells the partner to stop, under the mutex, and signals it. */
        abstract void stop();

        @Setup(Level.Trial)
        public void startPartner() {
            partner = Thread.ofPlatform().daemon().name("ping-pong-partner").start(() -> {
                while (take(PARTNER)) {
                    // Each pass is one hand-over back to the benchmark thread.
                }
            });
        }

        @TearDown(Level.Trial)
        public void stopPartner() throws InterruptedException {
            stop();
            Objects.requireNonNull(partner).join();
        }
    }

    /** The public Mutex and Condvar. */
    public abstract static class CondvarPingPong extends PingPong {
        private final Mutex<Turn> mutex = new Mutex<>(new Turn());
        private final Condvar turnPassed = new Condvar();
        private final boolean signalWhileHeld;

        CondvarPingPong(boolean signalWhileHeld) {
            this.signalWhileHeld = signalWhileHeld;
        }

        @Override
        boolean take(int me) {
            try (var guard = mutex.lock()) {
                Turn turn = guard.get();
                while (turn.next != me && !turn.stopped) {
                    turnPassed.awaitUninterruptibly(guard);
                }
                if (turn.stopped) {
                    return false;
                }
                turn.next = 1 - me;
                if (signalWhileHeld) {
                    turnPassed.signal();
                }
            }
            if (!signalWhileHeld) {
                turnPassed.signal();
            }
            return true;
        }

        @Override
        void stop() {
            try (var guard = mutex.lock()) {
                guard.get().stopped = true;
                turnPassed.signalAll();
            }
        }
    }

    /** Condvar, signalled after the unlock. */
    public static class CondvarAfterUnlock extends CondvarPingPong {
        public CondvarAfterUnlock() {
            super(false);
        }
    }

    /** Condvar, signalled with the mutex held. */
    public static class CondvarWhileHeld extends CondvarPingPong {
        public CondvarWhileHeld() {
            super(true);
        }
    }

    /** The book's condvar step 2 on its mutex step 3. */
    public abstract static class BookPingPong extends PingPong {
        private final StepMutex<Turn> mutex = new Mutex3<>(new Turn());
        private final Condvar2 turnPassed = new Condvar2();
        private final boolean signalWhileHeld;

        BookPingPong(boolean signalWhileHeld) {
            this.signalWhileHeld = signalWhileHeld;
        }

        @Override
        boolean take(int me) {
            try (var guard = mutex.lock()) {
                Turn turn = guard.get();
                while (turn.next != me && !turn.stopped) {
                    turnPassed.await(guard);
                }
                if (turn.stopped) {
                    return false;
                }
                turn.next = 1 - me;
                if (signalWhileHeld) {
                    turnPassed.signal();
                }
            }
            if (!signalWhileHeld) {
                turnPassed.signal();
            }
            return true;
        }

        @Override
        void stop() {
            try (var guard = mutex.lock()) {
                guard.get().stopped = true;
                turnPassed.signalAll();
            }
        }
    }

    /** The book's step, signalled after the unlock. */
    public static class BookAfterUnlock extends BookPingPong {
        public BookAfterUnlock() {
            super(false);
        }
    }

    /** The book's step, signalled with the mutex held. */
    public static class BookWhileHeld extends BookPingPong {
        public BookWhileHeld() {
            super(true);
        }
    }

    /** A Lock and its Condition, which is signalled with the lock held. */
    public abstract static class LockPingPong extends PingPong {
        private final Lock lock;
        private final Condition turnPassed;
        /** Guarded by {@link #lock}. */
        private final Turn turn = new Turn();

        LockPingPong(Lock lock) {
            this.lock = lock;
            this.turnPassed = lock.newCondition();
        }

        @Override
        boolean take(int me) {
            lock.lock();
            try {
                while (turn.next != me && !turn.stopped) {
                    turnPassed.awaitUninterruptibly();
                }
                if (turn.stopped) {
                    return false;
                }
                turn.next = 1 - me;
                turnPassed.signal();
                return true;
            } finally {
                lock.unlock();
            }
        }

        @Override
        void stop() {
            lock.lock();
            try {
                turn.stopped = true;
                turnPassed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** MutexLock, the Lock view of the public mutex, and its Condition. */
    public static class MutexLockCondition extends LockPingPong {
        public MutexLockCondition() {
            super(new MutexLock());
        }
    }

    /** ReentrantLock and its Condition, the reference. */
    public static class ReentrantLockCondition extends LockPingPong {
        public ReentrantLockCondition() {
            super(new ReentrantLock());
        }
    }

    @Benchmark
    public boolean pingPong_condvar_signalAfterUnlock(CondvarAfterUnlock state) {
        return state.take(MEASURED);
    }

    @Benchmark
    public boolean pingPong_condvar_signalWhileHeld(CondvarWhileHeld state) {
        return state.take(MEASURED);
    }

    @Benchmark
    public boolean pingPong_condvar2_signalAfterUnlock(BookAfterUnlock state) {
        return state.take(MEASURED);
    }

    @Benchmark
    public boolean pingPong_condvar2_signalWhileHeld(BookWhileHeld state) {
        return state.take(MEASURED);
    }

    @Benchmark
    public boolean pingPong_mutexLockCondition_signalWhileHeld(MutexLockCondition state) {
        return state.take(MEASURED);
    }

    @Benchmark
    public boolean pingPong_reentrantLockCondition_signalWhileHeld(
            ReentrantLockCondition state) {
        return state.take(MEASURED);
    }
}
