package dev.atomicslocks.spinlock;

import dev.atomicslocks.spinlock.steps.GuardedSpinLock;
import dev.atomicslocks.spinlock.steps.MinimalSpinLock;
import dev.atomicslocks.spinlock.steps.UncheckedSpinLock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/**
 * Every lock of the module behind one interface: a list that only a critical section touches.
 * The conformance tests run against each of them.
 */
interface ListLock {

    /** Runs {@code action} on the protected list, holding the lock. */
    void withList(Consumer<List<Integer>> action);

    /** Every implementation, named for the test report. */
    static Stream<Named<Supplier<ListLock>>> all() {
        return Stream.of(
                Named.of("MinimalSpinLock", Minimal::new),
                Named.of("UncheckedSpinLock", Unchecked::new),
                Named.of("GuardedSpinLock", Guarded::new),
                Named.of("SpinLock", Public::new));
    }

    /** Step 1: the lock protects a list it does not own. */
    final class Minimal implements ListLock {
        private final MinimalSpinLock lock = new MinimalSpinLock();
        private final List<Integer> list = new ArrayList<>();

        @Override
        public void withList(Consumer<List<Integer>> action) {
            lock.lock();
            try {
                action.accept(list);
            } finally {
                lock.unlock();
            }
        }
    }

    /** Step 2: lock() hands out the list, unlock() takes it back. */
    final class Unchecked implements ListLock {
        private final UncheckedSpinLock<List<Integer>> lock =
                new UncheckedSpinLock<>(new ArrayList<>());

        @Override
        public void withList(Consumer<List<Integer>> action) {
            List<Integer> list = lock.lock();
            try {
                action.accept(list);
            } finally {
                lock.unlock();
            }
        }
    }

    /** Step 3: a guard in try-with-resources. */
    final class Guarded implements ListLock {
        private final GuardedSpinLock<List<Integer>> lock =
                new GuardedSpinLock<>(new ArrayList<>());

        @Override
        public void withList(Consumer<List<Integer>> action) {
            try (var guard = lock.lock()) {
                action.accept(guard.get());
            }
        }
    }

    /** The public SpinLock. */
    final class Public implements ListLock {
        private final SpinLock<List<Integer>> lock = new SpinLock<>(new ArrayList<>());

        @Override
        public void withList(Consumer<List<Integer>> action) {
            try (var guard = lock.lock()) {
                action.accept(guard.get());
            }
        }
    }
}
