package dev.atomicslocks.examples.ch1;

import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Terminal;
import dev.atomicslocks.examples.ThreadScope;
import dev.atomicslocks.examples.TimeScale;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Book ch1-11-thread-parking: a producer puts a number on a queue once a second and unparks
 * the consumer, which takes numbers off the queue and parks when it is empty.
 *
 * <p>What to see: {@code item = 0}, {@code item = 1}, ... one a second, in order.
 *
 * <p>Arguments: {@code items}, how many numbers to produce (default 10; the book's program
 * never stops), and {@code speedup}, a whole number that divides the one-second pause
 * (default 1). The consumer stops after the last item.
 *
 * <p>Where Java differs: {@link LockSupport#park()} and {@link LockSupport#unpark(Thread)} are
 * Rust's {@code thread::park} and {@code Thread::unpark}, down to the detail that makes this
 * correct: an unpark before the park is remembered (one permit, not a count), so the
 * consumer cannot miss an item pushed between its check of the queue and its park. Both may
 * return spuriously, which is why the consumer looks at the queue again after every park.
 */
public final class Ch1_11_ThreadParking {

    static final int DEFAULT_ITEMS = 10;
    static final Duration PAUSE = Duration.ofSeconds(1);

    private final ReentrantLock lock = new ReentrantLock();
    /** Read and written only while holding {@link #lock}. */
    private final ArrayDeque<Integer> queue = new ArrayDeque<>();

    private Ch1_11_ThreadParking() {
    }

    /** Runs the program; the arguments are {@code [items] [speedup]}. */
    public static void run(Terminal terminal, Args args) {
        int items = args.positive("items", DEFAULT_ITEMS);
        TimeScale time = args.timeScale();
        Ch1_11_ThreadParking program = new Ch1_11_ThreadParking();

        try (ThreadScope scope = new ThreadScope()) {
            Thread consumer = scope.spawn(() -> program.consume(items, terminal.out()));

            for (int i = 0; i < items; i++) {
                program.push(i);
                LockSupport.unpark(consumer);
                time.sleep(PAUSE);
            }
        }
    }

    private void consume(int items, PrintStream out) {
        int consumed = 0;
        while (consumed < items) {
            Integer item = pop();
            if (item == null) {
                // Nothing yet: sleep until the producer unparks this thread (or spuriously).
                LockSupport.park(this);
            } else {
                out.println("item = " + item);
                consumed++;
            }
        }
    }

    private void push(int item) {
        lock.lock();
        try {
            queue.addLast(item);
        } finally {
            lock.unlock();
        }
    }

    private @Nullable Integer pop() {
        lock.lock();
        try {
            return queue.pollFirst();
        } finally {
            lock.unlock();
        }
    }
}
