package dev.atomicslocks.examples.ch4;

import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Check;
import dev.atomicslocks.examples.Terminal;
import dev.atomicslocks.examples.ThreadScope;
import dev.atomicslocks.spinlock.steps.UncheckedSpinLock;
import java.util.ArrayList;
import java.util.List;

/**
 * Chapter 4, step 2: the lock owns its value. {@code lock()} returns the list it protects and
 * {@code unlock()} gives it back; two threads each add their numbers to it.
 *
 * <p>What to see: {@code 2000 numbers, each once}. The list is an ordinary {@link ArrayList},
 * which breaks under concurrent use; it survives because every use is between a lock and an
 * unlock.
 *
 * <p>Argument: {@code numbers}, how many numbers each thread adds (default 1000).
 *
 * <p>Where Java differs: the book's step is {@code unsafe} because nothing stops the caller
 * from using the value after unlocking; here it is unchecked for the same reason. A caller
 * that kept the list and added to it after {@code unlock()} would race with the next holder,
 * and Java would let it.
 */
public final class Ch4_02_UncheckedSpinLock {

    static final int THREADS = 2;
    static final int DEFAULT_NUMBERS = 1000;

    private Ch4_02_UncheckedSpinLock() {
    }

    /** Runs the program; the argument is {@code [numbers]}. */
    public static void run(Terminal terminal, Args args) {
        int numbers = args.positive("numbers", DEFAULT_NUMBERS);
        UncheckedSpinLock<List<Integer>> lock = new UncheckedSpinLock<>(new ArrayList<>());

        try (ThreadScope scope = new ThreadScope()) {
            for (int t = 0; t < THREADS; t++) {
                int first = t * numbers;
                scope.spawn(() -> {
                    for (int n = first; n < first + numbers; n++) {
                        List<Integer> list = lock.lock();
                        list.add(n);
                        lock.unlock(); // the list must not be touched after this
                    }
                });
            }
        }

        List<Integer> list = lock.lock();
        long distinct = list.stream().distinct().count();
        terminal.out().println(list.size() + " numbers, "
                + (distinct == list.size() ? "each once" : (list.size() - distinct) + " twice"));
        lock.unlock();
        Check.equal(list.size(), (long) THREADS * numbers, "numbers in the list");
        Check.equal(distinct, (long) THREADS * numbers, "different numbers in the list");
    }
}
