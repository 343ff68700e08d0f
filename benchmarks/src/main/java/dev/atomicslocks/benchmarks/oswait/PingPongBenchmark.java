package dev.atomicslocks.benchmarks.oswait;

import static dev.atomicslocks.basics.Ordering.ACQUIRE;
import static dev.atomicslocks.basics.Ordering.RELEASE;

import dev.atomicslocks.basics.AtomicU32;
import dev.atomicslocks.oswait.AtomicWait;
import dev.atomicslocks.oswait.FutexWord;
import java.lang.foreign.Arena;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
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
 * How long does a round trip between two blocking threads take? The benchmark thread hands the
 * turn to an echo thread, wakes it and sleeps until the echo hands the turn back and wakes it in
 * return; one operation is one round trip, so two waits and two wakes that each find a sleeper.
 * Nobody spins: both sides go to sleep at once, so this measures the wait/wake machinery and
 * the scheduler, not a busy loop.
 *
 * <ul>
 *   <li>{@code atomicWait}: {@code AtomicWait.wait}/{@code wakeOne} on an {@code AtomicU32}.
 *   <li>{@code futex}: {@code FutexWord.futexWait}/{@code wakeOne}, the kernel directly.
 *   <li>{@code lockSupport}: {@code LockSupport.park}/{@code unpark} on a volatile field, the
 *       primitive the parking lot is built on.
 *   <li>{@code reentrantLockCondition}: a {@code ReentrantLock} and one {@code Condition}, the
 *       {@code java.util.concurrent} way to wait for a change; the goal for
 *       {@code atomicWait} is to be no slower than this.
 * </ul>
 *
 * <p>Each form has its own state, so only its echo thread exists while it is measured. The echo
 * thread starts with the trial and stops at its end.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms256m", "-Xmx256m",
        "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
public class PingPongBenchmark {

    /** The turn values: the benchmark thread's, the echo thread's, and the end of the trial. */
    static final int CLIENT = 0;
    static final int ECHO = 1;
    static final int STOP = 2;

    @Benchmark
    public void atomicWait(AtomicWaitPair pair) {
        AtomicU32 turn = pair.turn;
        turn.store(ECHO, RELEASE);
        AtomicWait.wakeOne(turn);
        while (turn.load(ACQUIRE) == ECHO) {
            AtomicWait.wait(turn, ECHO);
        }
    }

    @Benchmark
    public void futex(FutexPair pair) {
        FutexWord turn = pair.turn;
        turn.store(ECHO, RELEASE);
        turn.wakeOne();
        while (turn.load(ACQUIRE) == ECHO) {
            turn.futexWait(ECHO);
        }
    }

    @Benchmark
    public void lockSupport(LockSupportPair pair) {
        pair.turn = ECHO;
        LockSupport.unpark(pair.echo);
        while (pair.turn == ECHO) {
            LockSupport.park(pair);
        }
    }

    @Benchmark
    public void reentrantLockCondition(ConditionPair pair) {
        pair.lock.lock();
        try {
            pair.turn = ECHO;
            pair.changed.signal();
            while (pair.turn == ECHO) {
                pair.changed.awaitUninterruptibly();
            }
        } finally {
            pair.lock.unlock();
        }
    }

    /** A turn on an {@code AtomicU32}, waited for through the parking lot. */
    @State(Scope.Thread)
    public static class AtomicWaitPair {
        final AtomicU32 turn = new AtomicU32(CLIENT);
        private @Nullable Thread echo;

        @Setup(Level.Trial)
        public void start() {
            echo = Thread.ofPlatform().daemon().name("echo").start(this::serve);
        }

        private void serve() {
            while (true) {
                int now = turn.load(ACQUIRE);
                while (now == CLIENT) {
                    AtomicWait.wait(turn, CLIENT);
                    now = turn.load(ACQUIRE);
                }
                if (now == STOP) {
                    return;
                }
                turn.store(CLIENT, RELEASE);
                AtomicWait.wakeOne(turn);
            }
        }

        @TearDown(Level.Trial)
        public void stop() throws InterruptedException {
            turn.store(STOP, RELEASE);
            AtomicWait.wakeAll(turn);
            join(echo);
        }
    }

    /** A turn in a private futex word in native memory. */
    @State(Scope.Thread)
    public static class FutexPair {
        final FutexWord turn = FutexWord.allocate(Arena.ofAuto());
        private @Nullable Thread echo;

        @Setup(Level.Trial)
        public void start() {
            echo = Thread.ofPlatform().daemon().name("echo").start(this::serve);
        }

        private void serve() {
            while (true) {
                int now = turn.load(ACQUIRE);
                while (now == CLIENT) {
                    turn.futexWait(CLIENT);
                    now = turn.load(ACQUIRE);
                }
                if (now == STOP) {
                    return;
                }
                turn.store(CLIENT, RELEASE);
                turn.wakeOne();
            }
        }

        @TearDown(Level.Trial)
        public void stop() throws InterruptedException {
            turn.store(STOP, RELEASE);
            turn.wakeAll();
            join(echo);
        }
    }

    /** A turn in a volatile field, with each side parking until the other unparks it. */
    @State(Scope.Thread)
    public static class LockSupportPair {
        volatile int turn = CLIENT;
        /** The benchmark thread, bound before each iteration by the thread that runs it. */
        volatile @Nullable Thread client;
        @Nullable Thread echo;

        @Setup(Level.Trial)
        public void start() {
            echo = Thread.ofPlatform().daemon().name("echo").start(this::serve);
        }

        @Setup(Level.Iteration)
        public void bindClient() {
            client = Thread.currentThread();
        }

        private void serve() {
            while (true) {
                int now = turn;
                while (now == CLIENT) {
                    LockSupport.park(this);
                    now = turn;
                }
                if (now == STOP) {
                    return;
                }
                turn = CLIENT;
                LockSupport.unpark(client);
            }
        }

        @TearDown(Level.Trial)
        public void stop() throws InterruptedException {
            turn = STOP;
            LockSupport.unpark(echo);
            join(echo);
        }
    }

    /** A turn guarded by a {@code ReentrantLock}, waited for on one {@code Condition}. */
    @State(Scope.Thread)
    public static class ConditionPair {
        final ReentrantLock lock = new ReentrantLock();
        final Condition changed = lock.newCondition();
        /** Guarded by {@link #lock}. */
        int turn = CLIENT;
        private @Nullable Thread echo;

        @Setup(Level.Trial)
        public void start() {
            echo = Thread.ofPlatform().daemon().name("echo").start(this::serve);
        }

        private void serve() {
            lock.lock();
            try {
                while (true) {
                    while (turn == CLIENT) {
                        changed.awaitUninterruptibly();
                    }
                    if (turn == STOP) {
                        return;
                    }
                    turn = CLIENT;
                    changed.signal();
                }
            } finally {
                lock.unlock();
            }
        }

        @TearDown(Level.Trial)
        public void stop() throws InterruptedException {
            lock.lock();
            try {
                turn = STOP;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            join(echo);
        }
    }

    /** Waits for an echo thread to end, and fails the trial if it does not. */
    static void join(@Nullable Thread echo) throws InterruptedException {
        if (echo != null && !echo.join(Duration.ofSeconds(10))) {
            throw new IllegalStateException("the echo thread did not stop: " + echo);
        }
    }
}
