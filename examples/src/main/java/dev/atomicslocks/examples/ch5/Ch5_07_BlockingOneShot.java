package dev.atomicslocks.examples.ch5;

import dev.atomicslocks.channels.steps.BlockingOneShot;
import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Check;
import dev.atomicslocks.examples.Terminal;
import dev.atomicslocks.examples.ThreadScope;
import java.io.PrintStream;

/**
 * Chapter 5, step 6: blocking. The receiver parks inside {@code receive} until the message is
 * there, and the sender wakes it, so the caller no longer parks by hand: the book's last test
 * of the chapter.
 *
 * <p>What to see: {@code received "hello world!"}.
 *
 * <p>Where Java differs: the book's receiver must stay on the thread that split the channel,
 * because the sender unparks that thread; Rust enforces it by making the receiver
 * {@code !Send}. Here the step records the thread at {@code split()} and cannot stop another
 * thread from receiving, which would then sleep until it happened to be woken.
 */
public final class Ch5_07_BlockingOneShot {

    private Ch5_07_BlockingOneShot() {
    }

    /** Runs the program; it takes no arguments. */
    public static void run(Terminal terminal, Args args) {
        PrintStream out = terminal.out();
        BlockingOneShot<String> channel = new BlockingOneShot<>();
        BlockingOneShot.Ends<String> ends = channel.split();
        try (ThreadScope scope = new ThreadScope()) {
            scope.spawn(() -> ends.sender().send(HelloWorld.MESSAGE));
            String received = ends.receiver().receive();
            out.println("received \"" + received + "\"");
            Check.that(received.equals(HelloWorld.MESSAGE), "the message arrived");
        }
    }
}
