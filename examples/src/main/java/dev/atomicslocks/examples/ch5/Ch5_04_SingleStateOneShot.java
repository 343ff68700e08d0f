package dev.atomicslocks.examples.ch5;

import dev.atomicslocks.channels.steps.SingleStateOneShot;
import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Check;
import dev.atomicslocks.examples.Terminal;
import java.io.PrintStream;

/**
 * Chapter 5, step 3 with a single atomic: the two flags of ch5-03 become one state (empty,
 * writing, ready, reading), changed by compare-exchange. The book's test runs on it, then the
 * program tries both misuses.
 *
 * <p>What to see: as in ch5-03.
 *
 * <p>Where Java differs: only in the exception for Rust's panic.
 */
public final class Ch5_04_SingleStateOneShot {

    private Ch5_04_SingleStateOneShot() {
    }

    /** Runs the program; it takes no arguments. */
    public static void run(Terminal terminal, Args args) {
        PrintStream out = terminal.out();
        SingleStateOneShot<String> channel = new SingleStateOneShot<>();
        HelloWorld.sendAndParkUntilReady(channel::send, channel::isReady, channel::receive, out);

        out.println("a second send: refused ("
                + Check.refused("a second send", () -> channel.send("again")) + ")");
        out.println("a second receive: refused ("
                + Check.refused("a second receive", channel::receive) + ")");
    }
}
