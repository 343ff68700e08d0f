package dev.atomicslocks.examples.ch2;

import static dev.atomicslocks.basics.Ordering.RELAXED;

import dev.atomicslocks.basics.AtomicBool;
import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Terminal;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Book ch2-01-stop-flag: a background thread works until the main thread, which reads
 * commands, sets a stop flag.
 *
 * <p>What to see: type {@code help} for the list of commands, anything else to have it echoed
 * as unknown, and {@code stop} to end the program; the end of input (Ctrl-D) stops it as
 * well. The last line says that the background thread has stopped.
 *
 * <p>Where Java differs: the flag is an {@link AtomicBool} field of the program object rather
 * than a {@code static}. Relaxed is enough: the flag carries no other data with it, and a
 * relaxed (opaque) load is bound to see the store eventually. A plain {@code boolean} field
 * would not be: the JIT may read it once and loop forever, which Java allows for a field that
 * another thread writes without synchronisation.
 */
public final class Ch2_01_StopFlag {

    static final Duration WORK = Duration.ofMillis(100);

    private final AtomicBool stop = new AtomicBool(false);

    private Ch2_01_StopFlag() {
    }

    /** Runs the program; it takes no arguments and reads commands from the terminal. */
    public static void run(Terminal terminal, Args args) throws IOException, InterruptedException {
        PrintStream out = terminal.out();
        Ch2_01_StopFlag program = new Ch2_01_StopFlag();

        // A thread to do the work.
        Thread background = Thread.ofPlatform().start(program::workUntilStopped);

        // The main thread listens to the user.
        BufferedReader input = terminal.lines();
        String line = input.readLine();
        while (line != null && !line.equals("stop")) {
            if (line.equals("help")) {
                out.println("commands: help, stop");
            } else {
                out.println("unknown command: \"" + line + "\"");
            }
            line = input.readLine();
        }

        // Tell the background thread to stop, and wait until it has.
        program.stop.store(true, RELAXED);
        background.join();
        out.println("the background thread has stopped");
    }

    private void workUntilStopped() {
        while (!stop.load(RELAXED)) {
            someWork();
        }
    }

    private static void someWork() {
        try {
            Thread.sleep(WORK);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
