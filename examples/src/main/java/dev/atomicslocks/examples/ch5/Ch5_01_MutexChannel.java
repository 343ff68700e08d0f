package dev.atomicslocks.examples.ch5;

import dev.atomicslocks.channels.steps.MutexChannel;
import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Check;
import dev.atomicslocks.examples.Terminal;
import dev.atomicslocks.examples.ThreadScope;
import java.io.PrintStream;

/**
 * Chapter 5, step 1: a simple channel, a queue behind a lock with a condition variable for
 * receivers to wait on. A producer sends numbered messages; the main thread receives them,
 * sleeping whenever the queue is empty.
 *
 * <p>What to see: {@code message 0} to {@code message 4}, in order.
 *
 * <p>Argument: {@code messages}, how many to send (default 5).
 *
 * <p>Where Java differs: the lock and condition variable are {@code ReentrantLock} and
 * {@code Condition}, where the book uses Rust's {@code Mutex} and {@code Condvar}.
 */
public final class Ch5_01_MutexChannel {

    static final int DEFAULT_MESSAGES = 5;

    private Ch5_01_MutexChannel() {
    }

    /** Runs the program; the argument is {@code [messages]}. */
    public static void run(Terminal terminal, Args args) {
        PrintStream out = terminal.out();
        int messages = args.positive("messages", DEFAULT_MESSAGES);
        MutexChannel<String> channel = new MutexChannel<>();

        try (ThreadScope scope = new ThreadScope()) {
            scope.spawn(() -> {
                for (int i = 0; i < messages; i++) {
                    channel.send("message " + i);
                }
            });
            for (int i = 0; i < messages; i++) {
                String received = channel.receive();
                out.println(received);
                Check.that(received.equals("message " + i), "messages arrive in order");
            }
        }
    }
}
