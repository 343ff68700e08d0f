package dev.atomicslocks.examples.ch5;

import dev.atomicslocks.channels.Channel;
import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Check;
import dev.atomicslocks.examples.Terminal;
import dev.atomicslocks.examples.ThreadScope;
import java.io.PrintStream;
import java.util.BitSet;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Beyond the book's chapter 5, which stops at one-shot channels: {@link Channel}, a channel
 * for any number of senders and receivers, bounded, unbounded or a rendezvous. Three
 * producers send numbers through a small bounded channel to three consumers, then the channel
 * is closed; the consumers' loops end once they have drained it.
 *
 * <p>What to see: every number received exactly once, by one of the consumers; then a send
 * after the close refused with a {@code ChannelClosedException}, the message still the
 * sender's; and the same through an unbounded channel and a rendezvous.
 *
 * <p>Argument: {@code messages}, how many numbers each producer sends (default 10000).
 *
 * <p>Where Java differs: Rust's {@code std::sync::mpsc} has one receiver, and a channel closes
 * when every sender is dropped; here any thread may receive, and {@link Channel#close()} closes
 * it explicitly, as the JDK has no destructors.
 */
public final class Ch5_09_Channel {

    static final int PRODUCERS = 3;
    static final int CONSUMERS = 3;
    static final int DEFAULT_MESSAGES = 10_000;
    static final int CAPACITY = 16;

    private Ch5_09_Channel() {
    }

    /** Runs the program; the argument is {@code [messages]}. */
    public static void run(Terminal terminal, Args args) {
        PrintStream out = terminal.out();
        int messages = args.positive("messages", DEFAULT_MESSAGES);

        exchange("bounded(" + CAPACITY + ")", Channel.bounded(CAPACITY), messages, out);
        exchange("unbounded", Channel.unbounded(), messages, out);
        exchange("rendezvous", Channel.bounded(0), messages, out);
    }

    private static void exchange(String kind, Channel<Integer> channel, int messages,
            PrintStream out) {
        ConcurrentLinkedQueue<Integer> received = new ConcurrentLinkedQueue<>();
        try (ThreadScope consumers = new ThreadScope()) {
            for (int c = 0; c < CONSUMERS; c++) {
                // The iterator ends once the channel is closed and drained.
                consumers.spawn(() -> channel.forEach(received::add));
            }
            try (ThreadScope producers = new ThreadScope()) {
                for (int p = 0; p < PRODUCERS; p++) {
                    int first = p * messages;
                    producers.spawn(() -> {
                        for (int n = first; n < first + messages; n++) {
                            channel.send(n);
                        }
                    });
                }
            }
            channel.close();
        }

        int total = PRODUCERS * messages;
        BitSet seen = new BitSet(total);
        for (int n : received) {
            Check.that(!seen.get(n), n + " was received twice");
            seen.set(n);
        }
        out.println(kind + ": " + seen.cardinality() + " of " + total + " received, each once");
        Check.equal(seen.cardinality(), total, kind + " messages received");

        String refusal = Check.refused("a send after close", () -> channel.send(-1));
        out.println(kind + ": a send after close: refused (" + refusal + ")");
    }
}
