package dev.atomicslocks.examples.ch9;

import dev.atomicslocks.examples.Check;
import dev.atomicslocks.examples.ThreadScope;
import dev.atomicslocks.locks.Mutex;
import dev.atomicslocks.locks.steps.Mutex1;
import dev.atomicslocks.locks.steps.Mutex2;
import dev.atomicslocks.locks.steps.Mutex3;
import dev.atomicslocks.locks.steps.StepMutex;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The book's mutex timing, for ch9-01 and ch9-02: a counter incremented under a lock, a given
 * number of times on each of a given number of threads, for every mutex step, the public
 * {@link Mutex} and {@link ReentrantLock}, one after another.
 *
 * <p>One timed run of each, with no warm-up beyond the run itself: enough to see the
 * differences the book describes, not a measurement. The {@code benchmarks} module measures
 * the same thing with JMH ({@code MutexBenchmark}).
 */
final class MutexTiming {

    /** A counter behind one kind of lock. */
    interface Counter {
        /** Adds one, holding the lock. */
        void increment();

        /** The count, read holding the lock. */
        long count();
    }

    /** Every lock to time, by name, each making a fresh counter. */
    static final List<Named> LOCKS = List.of(
            new Named("Mutex1 (wakes on every unlock)", () -> new Step(new Mutex1<>(new long[1]))),
            new Named("Mutex2 (avoids syscalls)", () -> new Step(new Mutex2<>(new long[1]))),
            new Named("Mutex3 (spins first)", () -> new Step(new Mutex3<>(new long[1]))),
            new Named("Mutex", Public::new),
            new Named("ReentrantLock", Reference::new));

    /**
     * Where each counter is published, so that the JIT cannot prove the lock unshared and
     * remove it: the book's {@code black_box}.
     */
    @SuppressWarnings("unused")
    private static volatile Counter escaped = new Reference();

    private MutexTiming() {
    }

    /** A lock's name and a maker of fresh counters behind it. */
    record Named(String name, Supplier<Counter> factory) {
    }

    /** Times {@code threads} × {@code iterations} increments under every lock, one a line. */
    static void timeAll(int threads, int iterations, PrintStream out) {
        for (Named lock : LOCKS) {
            Counter counter = lock.factory().get();
            escaped = counter;

            long start = System.nanoTime();
            try (ThreadScope scope = new ThreadScope()) {
                for (int t = 0; t < threads; t++) {
                    scope.spawn(() -> {
                        for (int i = 0; i < iterations; i++) {
                            counter.increment();
                        }
                    });
                }
            }
            long nanos = System.nanoTime() - start;

            long count = counter.count();
            out.printf("%-32s locked %d times in %.1f ms (%.1f ns each)%n", lock.name() + ":",
                    count, nanos / 1e6, (double) nanos / count);
            Check.equal(count, (long) threads * iterations, lock.name() + " count");
        }
    }

    /** A book step. */
    private static final class Step implements Counter {
        private final StepMutex<long[]> mutex;

        Step(StepMutex<long[]> mutex) {
            this.mutex = mutex;
        }

        @Override
        public void increment() {
            try (var guard = mutex.lock()) {
                guard.get()[0]++;
            }
        }

        @Override
        public long count() {
            try (var guard = mutex.lock()) {
                return guard.get()[0];
            }
        }
    }

    /** The public Mutex. */
    private static final class Public implements Counter {
        private final Mutex<long[]> mutex = new Mutex<>(new long[1]);

        @Override
        public void increment() {
            try (var guard = mutex.lock()) {
                guard.get()[0]++;
            }
        }

        @Override
        public long count() {
            try (var guard = mutex.lock()) {
                return guard.get()[0];
            }
        }
    }

    /** java.util.concurrent's lock, for comparison. */
    private static final class Reference implements Counter {
        private final ReentrantLock lock = new ReentrantLock();
        /** Read and written only while holding {@link #lock}. */
        private long value;

        @Override
        public void increment() {
            lock.lock();
            try {
                value++;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public long count() {
            lock.lock();
            try {
                return value;
            } finally {
                lock.unlock();
            }
        }
    }
}
