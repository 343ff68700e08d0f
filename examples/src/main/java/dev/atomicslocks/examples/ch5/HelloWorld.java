package dev.atomicslocks.examples.ch5;

import dev.atomicslocks.examples.Check;
import dev.atomicslocks.examples.ThreadScope;
import java.io.PrintStream;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The book's test of its one-shot channel steps, for any of them: a spawned thread sends
 * "hello world!" and unparks the main thread, which parks until the channel says the message
 * is ready, then receives it.
 */
final class HelloWorld {

    static final String MESSAGE = "hello world!";

    private HelloWorld() {
    }

    /**
     * Runs the test over a channel given by its three operations, printing what arrived and
     * how many times the receiving thread parked.
     */
    static void sendAndParkUntilReady(Consumer<String> send, BooleanSupplier isReady,
            Supplier<String> receive, PrintStream out) {
        Thread receiver = Thread.currentThread();
        int parks = 0;
        try (ThreadScope scope = new ThreadScope()) {
            scope.spawn(() -> {
                send.accept(MESSAGE);
                LockSupport.unpark(receiver);
            });
            while (!isReady.getAsBoolean()) {
                // The unpark may come before this park; then the park returns at once.
                LockSupport.park();
                parks++;
            }
            String received = receive.get();
            out.println("received \"" + received + "\" after " + parks
                    + (parks == 1 ? " park" : " parks"));
            Check.that(received.equals(MESSAGE), "the message arrived: " + received);
        }
    }
}
