package dev.atomicslocks.examples.ch1;

import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Terminal;
import dev.atomicslocks.examples.ThreadScope;
import dev.atomicslocks.examples.TimeScale;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Book ch1-12-condvar: ch1-11 with a condition variable in place of parking. The consumer
 * waits on "the queue is not empty", and the producer notifies it after each push.
 *
 * <p>What to see: {@code item = 0}, {@code item = 1}, ... one a second, in order.
 *
 * <p>Arguments: {@code items}, how many numbers to produce (default 10; the book's program
 * never stops), and {@code speedup}, a whole number that divides the one-second pause
 * (default 1).
 *
 * <p>Where Java differs: a {@link Condition} belongs to the lock that made it, so it cannot be
 * used with the wrong lock, a mistake Rust's {@code Condvar} catches only at run time (it
 * panics). Rust's {@code wait} takes the guard and gives it back; {@code await} needs the lock
 * held and holds it again when it returns; {@code signal} too must be called with the lock
 * held, where the book notifies after its guard is gone. The consumer uses
 * {@link Condition#awaitUninterruptibly()}, because Rust's wait cannot be interrupted either.
 * Both may wake spuriously, hence the loop around the wait.
 */
public final class Ch1_12_Condvar {

    static final int DEFAULT_ITEMS = 10;
    static final Duration PAUSE = Duration.ofSeconds(1);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    /** Read and written only while holding {@link #lock}. */
    private final ArrayDeque<Integer> queue = new ArrayDeque<>();

    private Ch1_12_Condvar() {
    }

    /** Runs the program; the arguments are {@code [items] [speedup]}. */
    public static void run(Terminal terminal, Args args) {
        int items = args.positive("items", DEFAULT_ITEMS);
        TimeScale time = args.timeScale();
        Ch1_12_Condvar program = new Ch1_12_Condvar();

        try (ThreadScope scope = new ThreadScope()) {
            scope.spawn(() -> program.consume(items, terminal.out()));

            for (int i = 0; i < items; i++) {
                program.push(i);
                time.sleep(PAUSE);
            }
        }
    }

    private void consume(int items, PrintStream out) {
        for (int consumed = 0; consumed < items; consumed++) {
            int item = take();
            // Printed after the lock is released, as the book drops the guard first.
            out.println("item = " + item);
        }
    }

    private int take() {
        lock.lock();
        try {
            Integer item = queue.pollFirst();
            while (item == null) {
                // Releases the lock while waiting, and holds it again on return.
                notEmpty.awaitUninterruptibly();
                item = queue.pollFirst();
            }
            return item;
        } finally {
            lock.unlock();
        }
    }

    private void push(int item) {
        lock.lock();
        try {
            queue.addLast(item);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }
}
