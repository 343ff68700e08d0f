package dev.atomicslocks.locks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomicslocks.locks.steps.Condvar1;
import dev.atomicslocks.locks.steps.Condvar2;
import dev.atomicslocks.locks.steps.Mutex1;
import dev.atomicslocks.locks.steps.Mutex2;
import dev.atomicslocks.locks.steps.Mutex3;
import dev.atomicslocks.locks.steps.StepMutex;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The condition variable steps of chapter 9, with the book's own test. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
final class CondvarStepsTest {

    /** How long the book's notifier sleeps before it changes the value and signals. */
    private static final Duration NOTIFIER_DELAY = Duration.ofSeconds(1);
    /** The book's bound: a waiter that sleeps wakes fewer times than this. */
    private static final int WAKEUP_LIMIT = 10;
    /** The value the book's notifier stores, and the threshold the waiter waits for. */
    private static final int NOTIFIED_VALUE = 123;
    private static final int THRESHOLD = 100;
    private static final int WAITERS = 4;

    /** The two steps behind one shape, so that one test covers both. */
    interface StepCondvar {
        void await(StepMutex.Guard<int[]> guard);

        void signal();

        void signalAll();

        static StepCondvar of(Condvar1 condvar) {
            return new StepCondvar() {
                @Override
                public void await(StepMutex.Guard<int[]> guard) {
                    condvar.await(guard);
                }

                @Override
                public void signal() {
                    condvar.signal();
                }

                @Override
                public void signalAll() {
                    condvar.signalAll();
                }
            };
        }

        static StepCondvar of(Condvar2 condvar) {
            return new StepCondvar() {
                @Override
                public void await(StepMutex.Guard<int[]> guard) {
                    condvar.await(guard);
                }

                @Override
                public void signal() {
                    condvar.signal();
                }

                @Override
                public void signalAll() {
                    condvar.signalAll();
                }
            };
        }
    }

    static Stream<Named<Supplier<StepCondvar>>> condvars() {
        return Stream.of(
                Named.of("Condvar1", () -> StepCondvar.of(new Condvar1())),
                Named.of("Condvar2", () -> StepCondvar.of(new Condvar2())));
    }

    static Stream<Arguments> condvarsWithEveryMutexStep() {
        List<Named<Function<int[], StepMutex<int[]>>>> mutexes = List.of(
                Named.of("Mutex1", Mutex1::new),
                Named.of("Mutex2", Mutex2::new),
                Named.of("Mutex3", Mutex3::new));
        return condvars().flatMap(condvar -> mutexes.stream()
                .map(mutex -> Arguments.of(condvar, mutex)));
    }

    // The book's test: the waiter sleeps until a notifier that slept first stores 123 and
    // signals, so its loop runs fewer than ten times (a few spurious returns are allowed).
    @ParameterizedTest
    @MethodSource("condvars")
    void await_whenSignalledAfterASleep_wakesFewerThanTenTimes(Supplier<StepCondvar> factory)
            throws Exception {
        StepCondvar condvar = factory.get();
        StepMutex<int[]> mutex = new Mutex3<>(new int[1]);
        int wakeups = 0;

        try (ExecutorService notifier = Executors.newSingleThreadExecutor()) {
            Future<?> notified = notifier.submit(() -> {
                Thread.sleep(NOTIFIER_DELAY);
                try (var guard = mutex.lock()) {
                    guard.get()[0] = NOTIFIED_VALUE;
                }
                condvar.signal();
                return null;
            });

            try (var guard = mutex.lock()) {
                while (guard.get()[0] < THRESHOLD) {
                    condvar.await(guard);
                    wakeups++;
                }
                assertThat(guard.get()[0]).as("the value the notifier stored")
                        .isEqualTo(NOTIFIED_VALUE);
            }
            notified.get();
        }

        assertThat(wakeups).as("loop iterations of the waiter").isLessThan(WAKEUP_LIMIT);
    }

    // signalAll wakes every waiter asleep on the condvar, with each mutex step.
    @ParameterizedTest
    @MethodSource("condvarsWithEveryMutexStep")
    void signalAll_withSeveralWaitersAsleep_wakesEveryOne(Supplier<StepCondvar> condvarFactory,
            Function<int[], StepMutex<int[]>> mutexFactory) throws Exception {
        StepCondvar condvar = condvarFactory.get();
        // [0]: waiters that entered the wait loop; [1]: the flag they wait for.
        StepMutex<int[]> mutex = mutexFactory.apply(new int[2]);
        List<Thread> waiters = new ArrayList<>();
        for (int i = 0; i < WAITERS; i++) {
            waiters.add(Thread.ofPlatform().start(() -> {
                try (var guard = mutex.lock()) {
                    guard.get()[0]++;
                    while (guard.get()[1] == 0) {
                        condvar.await(guard);
                    }
                }
            }));
        }
        awaitAllAsleep(mutex, waiters);

        try (var guard = mutex.lock()) {
            guard.get()[1] = 1;
        }
        condvar.signalAll();

        for (Thread waiter : waiters) {
            waiter.join();
        }
        try (var guard = mutex.lock()) {
            assertThat(guard.get()[0]).as("waiters that entered the loop").isEqualTo(WAITERS);
        }
    }

    /** Waits until every waiter has entered its loop and is parked. */
    private static void awaitAllAsleep(StepMutex<int[]> mutex, List<Thread> waiters)
            throws InterruptedException {
        while (true) {
            int entered;
            try (var guard = mutex.lock()) {
                entered = guard.get()[0];
            }
            boolean parked = waiters.stream()
                    .allMatch(t -> t.getState() == Thread.State.WAITING);
            if (entered == waiters.size() && parked) {
                return;
            }
            Thread.sleep(1);
        }
    }
}
