package dev.atomicslocks.examples.ch8;

import static dev.atomicslocks.basics.Ordering.RELAXED;

import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Terminal;
import dev.atomicslocks.examples.ThreadScope;
import dev.atomicslocks.examples.TimeScale;
import dev.atomicslocks.oswait.FutexWord;
import java.io.PrintStream;
import java.lang.foreign.Arena;
import java.time.Duration;

/**
 * Book ch8-01-futex: the main thread sleeps in the kernel, through the futex system call, for
 * as long as a 32-bit word holds 0; another thread waits three seconds, stores 1 and wakes it.
 * The loop around the wait is what makes it correct: the call returns at once if the word is
 * no longer 0 when the kernel looks, and may return spuriously.
 *
 * <p>What to see: {@code Waiting...}, then after three seconds {@code Done!}.
 *
 * <p>Argument: {@code speedup}, a whole number that divides the three seconds (default 1).
 *
 * <p>Where Java differs: Rust calls {@code libc::syscall} on the address of an
 * {@code AtomicU32}. A Java object may move, so the word is a {@link FutexWord} in native
 * memory, and the system call goes through {@code java.lang.foreign}: run with
 * {@code --enable-native-access=dev.atomicslocks.oswait} (the launcher does) to avoid the
 * JDK's warning about restricted methods. For words in the Java heap, the project's
 * {@code AtomicWait} does the same job without a system call.
 */
public final class Ch8_01_Futex {

    static final Duration DELAY = Duration.ofSeconds(3);

    private Ch8_01_Futex() {
    }

    /** Runs the program; the argument is {@code [speedup]}. */
    public static void run(Terminal terminal, Args args) {
        PrintStream out = terminal.out();
        TimeScale time = args.timeScale();

        // A shared arena: the word is used by two threads.
        try (Arena arena = Arena.ofShared()) {
            FutexWord a = FutexWord.allocate(arena);
            try (ThreadScope scope = new ThreadScope()) {
                scope.spawn(() -> {
                    time.sleep(DELAY);
                    a.store(1, RELAXED);
                    a.wakeOne();
                });

                out.println("Waiting...");
                while (a.load(RELAXED) == 0) {
                    a.futexWait(0);
                }
                out.println("Done!");
            }
        }
    }
}
