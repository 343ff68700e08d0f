package dev.atomicslocks.examples.ch5;

import dev.atomicslocks.channels.steps.TypedOneShot;
import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Terminal;

/**
 * Chapter 5, step 4: safety through types. {@code channel()} returns a separate sender and
 * receiver, each meant to be used once; the book's test runs on them.
 *
 * <p>What to see: {@code received "hello world!"}, after zero or a few parks.
 *
 * <p>Where Java differs: Rust's {@code send(self)} and {@code receive(self)} consume the end,
 * so a second use does not compile; a Java method cannot consume its object, so this step
 * prevents nothing at run time. The public {@code OneShot} (ch5-08) checks each end instead.
 */
public final class Ch5_05_TypedOneShot {

    private Ch5_05_TypedOneShot() {
    }

    /** Runs the program; it takes no arguments. */
    public static void run(Terminal terminal, Args args) {
        TypedOneShot.Ends<String> ends = TypedOneShot.channel();
        HelloWorld.sendAndParkUntilReady(ends.sender()::send, ends.receiver()::isReady,
                ends.receiver()::receive, terminal.out());
    }
}
