package dev.atomicslocks.examples.ch9;

import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Check;
import dev.atomicslocks.examples.Terminal;
import dev.atomicslocks.examples.ThreadScope;
import dev.atomicslocks.examples.TimeScale;
import dev.atomicslocks.locks.steps.Condvar1;
import dev.atomicslocks.locks.steps.Condvar2;
import dev.atomicslocks.locks.steps.Mutex3;
import dev.atomicslocks.locks.steps.StepMutex;
import java.io.PrintStream;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Chapter 9's condition variable steps, each through the book's test: a thread sleeps for a
 * second, then sets a value under the mutex and signals; the main thread waits on the
 * condition variable until it sees the value, counting how often it woke. Waking spuriously
 * now and then is allowed, but a waiter that busy-loops would wake thousands of times, so the
 * book asks for fewer than ten.
 *
 * <p>What to see: for {@code Condvar1} (a counter every signal increments) and
 * {@code Condvar2} (which also counts its waiters, so that a signal with nobody waiting
 * costs no wake call), the value 123 and one or two wake-ups.
 *
 * <p>Argument: {@code speedup}, a whole number that divides the one-second sleep (default 1).
 *
 * <p>Where Java differs: the book's {@code wait} takes the guard and returns it; here
 * {@code await} takes the guard, unlocks it while sleeping and locks it again before
 * returning, so the caller keeps using the same guard.
 */
public final class Ch9_03_CondvarSteps {

    static final Duration DELAY = Duration.ofSeconds(1);
    static final int VALUE = 123;
    static final int THRESHOLD = 100;
    static final int MOST_WAKE_UPS = 10;

    private Ch9_03_CondvarSteps() {
    }

    /** One condition variable step, behind the two calls the test needs. */
    private record Step(String name, Consumer<StepMutex.Guard<int[]>> await, Runnable signal) {
    }

    /** Runs the program; the argument is {@code [speedup]}. */
    public static void run(Terminal terminal, Args args) {
        PrintStream out = terminal.out();
        TimeScale time = args.timeScale();

        Condvar1 first = new Condvar1();
        Condvar2 second = new Condvar2();
        for (Step step : new Step[] {
                new Step("Condvar1", first::await, first::signal),
                new Step("Condvar2", second::await, second::signal)}) {
            bookTest(step, time, out);
        }
    }

    private static void bookTest(Step step, TimeScale time, PrintStream out) {
        Mutex3<int[]> mutex = new Mutex3<>(new int[1]);
        int wakeUps = 0;
        try (ThreadScope scope = new ThreadScope()) {
            scope.spawn(() -> {
                time.sleep(DELAY);
                try (var guard = mutex.lock()) {
                    guard.get()[0] = VALUE;
                }
                step.signal().run();
            });

            try (var guard = mutex.lock()) {
                while (guard.get()[0] < THRESHOLD) {
                    step.await().accept(guard);
                    wakeUps++;
                }
                out.println(step.name() + ": saw " + guard.get()[0] + " after " + wakeUps
                        + (wakeUps == 1 ? " wake-up" : " wake-ups"));
                Check.equal(guard.get()[0], VALUE, "the value");
            }
        }
        Check.that(wakeUps < MOST_WAKE_UPS, "the waiter slept rather than spun: " + wakeUps);
    }
}
