package dev.atomicslocks.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Rust's {@code thread::scope} for the programs: threads started through {@link #spawn} are
 * all joined when the scope closes, so the code after a try-with-resources block knows they
 * have finished, and everything they did happens before it.
 *
 * <pre>{@code
 * try (ThreadScope scope = new ThreadScope()) {
 *     scope.spawn(() -> out.println("length: " + numbers.size()));
 *     scope.spawn(() -> numbers.forEach(out::println));
 * } // both threads have finished here
 * }</pre>
 *
 * <p>As in Rust, a thread that ends with an exception makes the scope end with one:
 * {@link #close} throws {@link IllegalStateException} with the first failure as its cause, and
 * the others suppressed. Closing cannot be interrupted either: an interrupt is kept for
 * later and the joins go on. The JDK's own forms of the same idea are an
 * {@code ExecutorService} closed by try-with-resources (which waits for its tasks but leaves
 * their exceptions in their {@code Future}s) and {@code StructuredTaskScope} (a preview API in
 * JDK 25).
 *
 * <p>Limitations: only the thread that opened the scope may spawn in it.
 */
public final class ThreadScope implements AutoCloseable {

    private final List<Thread> threads = new ArrayList<>();
    private final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();

    /** Starts a platform thread running {@code body}, to be joined when the scope closes. */
    public Thread spawn(Runnable body) {
        Thread thread = Thread.ofPlatform()
                .uncaughtExceptionHandler((failed, failure) -> failures.add(failure))
                .start(body);
        threads.add(thread);
        return thread;
    }

    /**
     * Waits for every thread of the scope to end.
     *
     * @throws IllegalStateException if one of them ended with an exception
     */
    @Override
    public void close() {
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        reportFailures();
    }

    private void reportFailures() {
        Throwable first = failures.poll();
        if (first == null) {
            return;
        }
        IllegalStateException scopeFailure =
                new IllegalStateException("a scoped thread failed: " + first, first);
        for (Throwable other : failures) {
            scopeFailure.addSuppressed(other);
        }
        throw scopeFailure;
    }
}
