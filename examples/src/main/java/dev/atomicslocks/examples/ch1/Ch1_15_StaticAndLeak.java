package dev.atomicslocks.examples.ch1;

import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Terminal;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * From the book's text (chapter 1, "Shared Ownership and Reference Counting"): two ways to
 * give threads data that lives long enough, a {@code static} and a value leaked with
 * {@code Box::leak}.
 *
 * <p>What to see: two threads print the static list, then two more print a list that was
 * allocated by a method which had already returned when they read it.
 *
 * <p>Where Java differs: neither trick is needed. Rust needs them because a spawned thread may
 * only borrow what lives for {@code 'static}. In Java every object lives as long as some
 * thread can reach it, so a list allocated in a method may be used by threads long after the
 * method returned, with no leak: the garbage collector frees it after the last thread is done.
 * A {@code static final} field still serves for data that lives as long as the program, but
 * {@code final} fixes only the reference: a {@code static final int[]} could still be changed
 * by any thread, which is why the static here is an immutable {@link List}. Leaking in Java
 * means keeping a reference forever by mistake (in a static collection, say): a memory leak
 * that buys nothing.
 */
public final class Ch1_15_StaticAndLeak {

    /** Lives as long as the class; immutable, so every thread may read it. */
    static final List<Integer> X = List.of(1, 2, 3);

    static final int READERS = 2;

    private Ch1_15_StaticAndLeak() {
    }

    /** Runs the program; it takes no arguments. */
    public static void run(Terminal terminal, Args args) throws InterruptedException {
        PrintStream out = terminal.out();

        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < READERS; i++) {
            threads.add(Thread.ofPlatform().start(() -> out.println("static X: " + X)));
        }
        join(threads);

        // The method that allocates the list returns before its threads read it.
        CountDownLatch go = new CountDownLatch(1);
        threads = startReadersOfNewList(out, go);
        go.countDown();
        join(threads);
    }

    private static List<Thread> startReadersOfNewList(PrintStream out, CountDownLatch go) {
        List<Integer> x = List.of(1, 2, 3);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < READERS; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                awaitUninterruptibly(go);
                out.println("allocated x: " + x);
            }));
        }
        return threads;
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (latch.getCount() > 0) {
            try {
                latch.await();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void join(List<Thread> threads) throws InterruptedException {
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
