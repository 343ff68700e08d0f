package dev.atomicslocks.stress.locks;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.atomicslocks.locks.Mutex;
import dev.atomicslocks.locks.MutexLock;
import dev.atomicslocks.locks.steps.Mutex1;
import dev.atomicslocks.locks.steps.Mutex2;
import dev.atomicslocks.locks.steps.Mutex3;
import dev.atomicslocks.locks.steps.StepMutex;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

/**
 * Chapter 9: a thread that waits for a held mutex always gets it once the holder unlocks, in
 * every blocking form. The state is created with the lock held; the waiter locks (and
 * sleeps), and the signal releases the lock. A lost wake-up leaves the waiter asleep, which
 * jcstress reports as {@code STALE}.
 *
 * <p>The book's steps release their lock from any thread, which lets the signal thread play
 * the holder. The public {@code Mutex} and the {@code MutexLock} view refuse that (a lock
 * belongs to the thread that took it), so for them the state starts a holder thread that
 * locks and then waits on a latch, and the signal opens the latch. Their waiters spin for a
 * random time of up to {@value Delays#MAX_DELAY_NANOS} ns before they lock, so that the
 * release lands anywhere on their way to sleep: before they try, between marking the lock
 * contended and sleeping, and after.
 *
 * <p>Observed on this machine with {@code -m quick} (an AMD EPYC, 2 vCPUs under KVM, Temurin
 * 25.0.3): {@code TERMINATED} 3,142 times for {@code Step1}, 3,091 for {@code Step2} and 3,117 for
 * {@code Step3} (2026-12-03); on 2026-12-04, 1,741 for {@code PublicLock}, 2,273 for
 * {@code PublicLockInterruptibly}, 2,234 for {@code PublicTimedTryLock}, 1,867 for
 * {@code ViewLock}, 1,793 for {@code ViewLockInterruptibly}, 2,070 for {@code ViewTimedTryLock};
 * never {@code STALE}.
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

    /** The public {@code Mutex}: {@code lock}. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter got the lock")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the wake-up was lost")
    @State
    public static class PublicLock {
        private final Mutex<int[]> mutex = new Mutex<>(new int[1]);
        private final CountDownLatch release = new CountDownLatch(1);

        public PublicLock() {
            holdMutex(mutex, release);
        }

        @Actor
        public void waiter() {
            lockMutex(mutex, Form.LOCK);
        }

        @Signal
        public void release() {
            release.countDown();
        }
    }

    /** The public {@code Mutex}: {@code lockInterruptibly}. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter got the lock")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the wake-up was lost")
    @State
    public static class PublicLockInterruptibly {
        private final Mutex<int[]> mutex = new Mutex<>(new int[1]);
        private final CountDownLatch release = new CountDownLatch(1);

        public PublicLockInterruptibly() {
            holdMutex(mutex, release);
        }

        @Actor
        public void waiter() {
            lockMutex(mutex, Form.INTERRUPTIBLY);
        }

        @Signal
        public void release() {
            release.countDown();
        }
    }

    /** The public {@code Mutex}: a timed {@code tryLock} that outlasts any run. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter got the lock")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the wake-up was lost")
    @State
    public static class PublicTimedTryLock {
        private final Mutex<int[]> mutex = new Mutex<>(new int[1]);
        private final CountDownLatch release = new CountDownLatch(1);

        public PublicTimedTryLock() {
            holdMutex(mutex, release);
        }

        @Actor
        public void waiter() {
            lockMutex(mutex, Form.TIMED);
        }

        @Signal
        public void release() {
            release.countDown();
        }
    }

    /** The {@code MutexLock} view: {@code lock}. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter got the lock")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the wake-up was lost")
    @State
    public static class ViewLock {
        private final MutexLock mutex = new MutexLock();
        private final CountDownLatch release = new CountDownLatch(1);

        public ViewLock() {
            holdLock(mutex, release);
        }

        @Actor
        public void waiter() {
            lockView(mutex, Form.LOCK);
        }

        @Signal
        public void release() {
            release.countDown();
        }
    }

    /** The {@code MutexLock} view: {@code lockInterruptibly}. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter got the lock")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the wake-up was lost")
    @State
    public static class ViewLockInterruptibly {
        private final MutexLock mutex = new MutexLock();
        private final CountDownLatch release = new CountDownLatch(1);

        public ViewLockInterruptibly() {
            holdLock(mutex, release);
        }

        @Actor
        public void waiter() {
            lockView(mutex, Form.INTERRUPTIBLY);
        }

        @Signal
        public void release() {
            release.countDown();
        }
    }

    /** The {@code MutexLock} view: a timed {@code tryLock} that outlasts any run. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter got the lock")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the wake-up was lost")
    @State
    public static class ViewTimedTryLock {
        private final MutexLock mutex = new MutexLock();
        private final CountDownLatch release = new CountDownLatch(1);

        public ViewTimedTryLock() {
            holdLock(mutex, release);
        }

        @Actor
        public void waiter() {
            lockView(mutex, Form.TIMED);
        }

        @Signal
        public void release() {
            release.countDown();
        }
    }


    /** The blocking forms of locking the public types. */
    enum Form {
        LOCK,
        INTERRUPTIBLY,
        TIMED
    }

    /** Longer than any run: a timed form that times out would hide a lost wake-up. */
    static final Duration FOREVER = Duration.ofDays(1);

    /** Locks in {@code form} after a random delay, increments, unlocks. */
    static void lockMutex(Mutex<int[]> mutex, Form form) {
        Delays.randomDelay();
        try (var guard = switch (form) {
            case LOCK -> mutex.lock();
            case INTERRUPTIBLY -> mutex.lockInterruptibly();
            case TIMED -> mutex.tryLock(FOREVER);
        }) {
            if (guard == null) {
                throw new IllegalStateException("a day-long tryLock gave up");
            }
            guard.get()[0]++;
        } catch (InterruptedException e) {
            throw new IllegalStateException("nobody interrupts the waiter", e);
        }
    }

    /** Locks the view in {@code form} after a random delay, then unlocks. */
    static void lockView(MutexLock lock, Form form) {
        Delays.randomDelay();
        try {
            switch (form) {
                case LOCK -> lock.lock();
                case INTERRUPTIBLY -> lock.lockInterruptibly();
                case TIMED -> {
                    if (!lock.tryLock(FOREVER.toNanos(), TimeUnit.NANOSECONDS)) {
                        throw new IllegalStateException("a day-long tryLock gave up");
                    }
                }
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException("nobody interrupts the waiter", e);
        }
        lock.unlock();
    }

    /** Starts a thread that locks {@code mutex} and holds it until {@code release} opens. */
    static void holdMutex(Mutex<int[]> mutex, CountDownLatch release) {
        CountDownLatch held = new CountDownLatch(1);
        Thread.ofPlatform().daemon().start(() -> {
            try (var guard = mutex.lock()) {
                held.countDown();
                awaitUninterruptibly(release);
                guard.get()[0]++;
            }
        });
        awaitUninterruptibly(held);
    }

    /** Starts a thread that locks {@code lock} and holds it until {@code release} opens. */
    static void holdLock(MutexLock lock, CountDownLatch release) {
        CountDownLatch held = new CountDownLatch(1);
        Thread.ofPlatform().daemon().start(() -> {
            lock.lock();
            try {
                held.countDown();
                awaitUninterruptibly(release);
            } finally {
                lock.unlock();
            }
        });
        awaitUninterruptibly(held);
    }

    /** Waits for a latch, whatever interrupts come. */
    static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The waiter's critical section; it sleeps until the signal releases the lock. */
    static void lockAndIncrement(StepMutex<int[]> mutex) {
        try (var guard = mutex.lock()) {
            guard.get()[0]++;
        }
    }
}
