package dev.atomicslocks.locks;

import dev.atomicslocks.locks.steps.Mutex1;
import dev.atomicslocks.locks.steps.Mutex2;
import dev.atomicslocks.locks.steps.Mutex3;
import dev.atomicslocks.locks.steps.StepMutex;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/**
 * Every mutex of the module (the steps, Mutex and the MutexLock view), and
 * {@code ReentrantLock} as the reference, behind one interface: a counter that only a critical
 * section reads and writes. The conformance tests run against each of them.
 */
interface CounterLock {

    /** Reads the counter and writes it back plus one, holding the lock; returns what it read. */
    int getAndIncrement();

    /** Every implementation, named for the test report. */
    static Stream<Named<Supplier<CounterLock>>> all() {
        return Stream.of(
                Named.of("Mutex1", () -> new Step(new Mutex1<>(new int[1]))),
                Named.of("Mutex2", () -> new Step(new Mutex2<>(new int[1]))),
                Named.of("Mutex3", () -> new Step(new Mutex3<>(new int[1]))),
                Named.of("Mutex", Public::new),
                Named.of("MutexLock", () -> new View(new MutexLock())),
                Named.of("ReentrantLock", () -> new View(new ReentrantLock())));
    }

    /** A book step. */
    final class Step implements CounterLock {
        private final StepMutex<int[]> mutex;

        Step(StepMutex<int[]> mutex) {
            this.mutex = mutex;
        }

        @Override
        public int getAndIncrement() {
            try (var guard = mutex.lock()) {
                return guard.get()[0]++;
            }
        }
    }

    /** The public Mutex. */
    final class Public implements CounterLock {
        private final Mutex<Integer> mutex = new Mutex<>(0);

        @Override
        public int getAndIncrement() {
            try (var guard = mutex.lock()) {
                int seen = guard.get();
                guard.set(seen + 1);
                return seen;
            }
        }
    }

    /** A Lock: the MutexLock view, or ReentrantLock, the reference every mutex must match. */
    final class View implements CounterLock {
        private final Lock lock;
        /** Guarded by {@link #lock}. */
        private int counter;

        View(Lock lock) {
            this.lock = lock;
        }

        @Override
        public int getAndIncrement() {
            lock.lock();
            try {
                return counter++;
            } finally {
                lock.unlock();
            }
        }
    }
}
