package dev.atomicslocks.examples.ch9;

import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Check;
import dev.atomicslocks.examples.Terminal;
import dev.atomicslocks.examples.ThreadScope;
import dev.atomicslocks.locks.RawRwLock;
import dev.atomicslocks.locks.RwLock;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;

/**
 * Chapter 9's final reader-writer lock, {@link RwLock}: readers share it, a writer has it
 * alone, and a waiting writer keeps new readers out, so that readers cannot starve it. Then
 * the same algorithm as a {@link ReadWriteLock}, for code written against
 * {@code ReentrantReadWriteLock}.
 *
 * <p>What to see: a reader inside; a writer that has to wait for it; {@code tryRead} refused
 * while the writer waits (the writer preference of the book's third step); the writer's
 * update seen by the next reader; then four threads through the {@code ReadWriteLock} view
 * with an exact total.
 *
 * <p>Where Java differs: Rust's guards end with their scope; these are closed by
 * try-with-resources, and refuse any use after that. The view's {@code unlock} must be called
 * in a {@code finally} block, as with any {@code java.util.concurrent} lock.
 */
public final class Ch9_06_RwLock {

    static final int THREADS = 4;
    static final int INCREMENTS = 1000;

    private Ch9_06_RwLock() {
    }

    /** Runs the program; it takes no arguments. */
    public static void run(Terminal terminal, Args args) throws InterruptedException {
        PrintStream out = terminal.out();
        showWriterPreference(out);
        showReadWriteLockView(out);
    }

    private static void showWriterPreference(PrintStream out) throws InterruptedException {
        RwLock<List<String>> lock = new RwLock<>(new ArrayList<>());

        RwLock.ReadGuard<List<String>> reading = lock.read();
        out.println("a reader is inside: " + lock);
        Thread writer = Thread.ofPlatform().start(() -> {
            try (var guard = lock.write()) {
                guard.get().add("written");
            }
        });
        awaitSleeping(writer);
        try (var late = lock.tryRead()) {
            out.println("tryRead while a writer waits: " + (late == null ? "refused" : "got it"));
            Check.that(late == null, "a waiting writer keeps new readers out");
        }
        reading.close();
        writer.join();

        try (var guard = lock.read()) {
            out.println("the next reader sees " + guard.get());
            Check.that(guard.get().equals(List.of("written")), "the writer's update is seen");
        }
    }

    private static void showReadWriteLockView(PrintStream out) {
        ReadWriteLock view = new RawRwLock();
        long[] counter = new long[1];
        try (ThreadScope scope = new ThreadScope()) {
            for (int t = 0; t < THREADS; t++) {
                scope.spawn(() -> {
                    for (int i = 0; i < INCREMENTS; i++) {
                        Lock write = view.writeLock();
                        write.lock();
                        try {
                            counter[0]++;
                        } finally {
                            write.unlock();
                        }
                    }
                });
            }
        }
        Lock read = view.readLock();
        read.lock();
        try {
            out.println("through the ReadWriteLock view: " + counter[0] + " of "
                    + THREADS * INCREMENTS);
            Check.equal(counter[0], THREADS * INCREMENTS, "the view's count");
        } finally {
            read.unlock();
        }
    }

    /** Waits until {@code thread} is asleep, here: waiting for the write lock. */
    private static void awaitSleeping(Thread thread) throws InterruptedException {
        while (thread.getState() != Thread.State.WAITING) {
            Thread.sleep(1);
        }
    }
}
