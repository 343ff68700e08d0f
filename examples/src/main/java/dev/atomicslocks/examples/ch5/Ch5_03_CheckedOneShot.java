package dev.atomicslocks.examples.ch5;

import dev.atomicslocks.channels.steps.CheckedOneShot;
import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Check;
import dev.atomicslocks.examples.Terminal;
import java.io.PrintStream;

/**
 * Chapter 5, step 3: the one-shot channel with run-time checks. A second flag marks it in
 * use, so a second send fails, and receiving resets the ready flag, so a second receive
 * fails. The book's test runs on it, then the program tries both misuses.
 *
 * <p>What to see: {@code received "hello world!"}, then a second send and a second receive,
 * each refused with an {@code IllegalStateException} where the book's step panics.
 *
 * <p>Where Java differs: only in the exception for Rust's panic.
 */
public final class Ch5_03_CheckedOneShot {

    private Ch5_03_CheckedOneShot() {
    }

    /** Runs the program; it takes no arguments. */
    public static void run(Terminal terminal, Args args) {
        PrintStream out = terminal.out();
        CheckedOneShot<String> channel = new CheckedOneShot<>();
        HelloWorld.sendAndParkUntilReady(channel::send, channel::isReady, channel::receive, out);

        out.println("a second send: refused ("
                + Check.refused("a second send", () -> channel.send("again")) + ")");
        out.println("a second receive: refused ("
                + Check.refused("a second receive", channel::receive) + ")");
    }
}
