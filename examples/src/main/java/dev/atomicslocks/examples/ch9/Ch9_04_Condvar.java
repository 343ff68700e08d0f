package dev.atomicslocks.examples.ch9;

import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Check;
import dev.atomicslocks.examples.Terminal;
import dev.atomicslocks.examples.ThreadScope;
import dev.atomicslocks.examples.TimeScale;
import dev.atomicslocks.locks.Condvar;
import dev.atomicslocks.locks.Mutex;
import dev.atomicslocks.locks.MutexLock;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.locks.Condition;

/**
 * Chapter 9's condition variable grown into the one to import, {@link Condvar}: first the
 * book's test on it, then what it adds to the book's second step: a timed wait that says
 * whether it timed out, a wait on a predicate, a {@code signalAll} made while the mutex is
 * held, and the same condition variable behind {@link java.util.concurrent.locks.Condition}.
 *
 * <p>What to see: the value 123 after one or two wake-ups (a busy-looping waiter would wake
 * thousands of times); a timed wait with nobody signalling that times out; four waiters that
 * all come through one {@code signalAll} made under the mutex (they are moved onto the mutex
 * and woken one at a time by its unlocks, rather than all woken to fight for it); a producer
 * and a consumer that hand every item over through a {@code Condition} of a
 * {@link MutexLock}.
 *
 * <p>Argument: {@code speedup}, a whole number that divides the one-second sleep and the
 * timed wait (default 1).
 *
 * <p>Where Java differs: the book's {@code wait}, {@code wait_timeout}, {@code notify_one}
 * and {@code notify_all} are {@code await}, {@code await(guard, timeout)}, {@code signal} and
 * {@code signalAll} here, the names of {@code java.util.concurrent.locks.Condition}; a
 * {@code wait} or {@code notify} would clash with {@code Object}'s monitor methods. A wait
 * takes the guard, unlocks it while sleeping and locks it again before it returns, so the
 * caller goes on with the same guard.
 */
public final class Ch9_04_Condvar {

    static final Duration DELAY = Duration.ofSeconds(1);
    static final Duration TIMED_WAIT = Duration.ofMillis(200);
    static final int VALUE = 123;
    static final int THRESHOLD = 100;
    static final int MOST_WAKE_UPS = 10;
    static final int WAITERS = 4;
    static final int ITEMS = 1000;

    private Ch9_04_Condvar() {
    }

    /** Runs the program; the argument is {@code [speedup]}. */
    public static void run(Terminal terminal, Args args) throws InterruptedException {
        PrintStream out = terminal.out();
        TimeScale time = args.timeScale();
        bookTest(time, out);
        timedWait(time, out);
        signalAllUnderTheMutex(time, out);
        throughTheConditionView(out);
    }

    /** The book's test: a waiter that sleeps until a value arrives, counting its wake-ups. */
    private static void bookTest(TimeScale time, PrintStream out) {
        Mutex<int[]> mutex = new Mutex<>(new int[1]);
        Condvar condvar = new Condvar();
        int wakeUps = 0;
        try (ThreadScope scope = new ThreadScope()) {
            scope.spawn(() -> {
                time.sleep(DELAY);
                try (var guard = mutex.lock()) {
                    guard.get()[0] = VALUE;
                }
                condvar.signal();
            });

            try (var guard = mutex.lock()) {
                while (guard.get()[0] < THRESHOLD) {
                    condvar.awaitUninterruptibly(guard);
                    wakeUps++;
                }
                out.println("Condvar: saw " + guard.get()[0] + " after " + wakeUps
                        + (wakeUps == 1 ? " wake-up" : " wake-ups"));
                Check.equal(guard.get()[0], VALUE, "the value");
            }
        }
        Check.that(wakeUps < MOST_WAKE_UPS, "the waiter slept rather than spun: " + wakeUps);
    }

    /** A timed wait that nobody signals reports that it timed out, holding the lock again. */
    private static void timedWait(TimeScale time, PrintStream out) throws InterruptedException {
        Mutex<String> mutex = new Mutex<>("unchanged");
        Condvar condvar = new Condvar();
        try (var guard = mutex.lock()) {
            boolean signalled = condvar.await(guard, time.of(TIMED_WAIT));
            out.println("a timed wait nobody signals: " + (signalled ? "signalled" : "timed out")
                    + ", and the lock is held again: " + mutex.isLocked());
            Check.that(!signalled, "the timed wait timed out");
            Check.that(mutex.isLocked(), "the wait relocked the mutex");
            Check.that(guard.get().equals("unchanged"), "the guard still works after the wait");
        }
    }

    /**
     * Four threads wait for a gate to open; the main thread opens it and calls
     * {@code signalAll} while it still holds the mutex.
     */
    private static void signalAllUnderTheMutex(TimeScale time, PrintStream out) {
        Mutex<boolean[]> gate = new Mutex<>(new boolean[1]);
        Condvar opened = new Condvar();
        int[] through = new int[1];
        try (ThreadScope scope = new ThreadScope()) {
            for (int i = 0; i < WAITERS; i++) {
                scope.spawn(() -> {
                    try (var guard = gate.lock()) {
                        opened.awaitWhileUninterruptibly(guard, open -> !open[0]);
                        through[0]++;
                    }
                });
            }
            // waiterCount is for monitoring; here it only decides when to open the gate, and a
            // waiter that is not yet counted finds the gate open and does not wait at all.
            while (opened.waiterCount() < WAITERS) {
                time.sleep(Duration.ofMillis(1));
            }
            try (var guard = gate.lock()) {
                guard.get()[0] = true;
                opened.signalAll();
            }
        }
        // The scope joined the waiters: what they counted is visible here without the lock.
        out.println("signalAll while holding the mutex: " + through[0] + " of " + WAITERS
                + " waiters came through");
        Check.equal(through[0], WAITERS, "waiters through the gate");
    }

    /** A producer and a consumer on a MutexLock and one Condition, as with ReentrantLock. */
    private static void throughTheConditionView(PrintStream out) throws InterruptedException {
        MutexLock lock = new MutexLock();
        Condition notEmpty = lock.newCondition();
        Queue<Integer> queue = new ArrayDeque<>();
        long[] received = new long[2];
        Thread consumer = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < ITEMS; i++) {
                lock.lock();
                try {
                    while (queue.isEmpty()) {
                        notEmpty.awaitUninterruptibly();
                    }
                    received[0]++;
                    received[1] += queue.remove();
                } finally {
                    lock.unlock();
                }
            }
        });
        for (int i = 1; i <= ITEMS; i++) {
            lock.lock();
            try {
                queue.add(i);
                notEmpty.signal();
            } finally {
                lock.unlock();
            }
        }
        consumer.join();
        long expectedSum = (long) ITEMS * (ITEMS + 1) / 2;
        out.println("through the Condition of a MutexLock: " + received[0] + " of " + ITEMS
                + " items, sum " + received[1]);
        Check.equal(received[0], ITEMS, "items received");
        Check.equal(received[1], expectedSum, "sum of the items");
    }
}
