package dev.atomicslocks.examples.ch5;

import dev.atomicslocks.channels.steps.UncheckedOneShot;
import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Terminal;

/**
 * Chapter 5, step 2: an unchecked one-shot channel, one slot for the message and a flag that
 * says it is there, with release ordering on the send and acquire on the check. The book's
 * test runs on it.
 *
 * <p>What to see: {@code received "hello world!"}, after zero or a few parks.
 *
 * <p>Where Java differs: the book's step is {@code unsafe} because a second send, or a receive
 * before the message is ready, is undefined behaviour; here it is merely wrong (a lost or a
 * {@code null} message), and nothing checks for it. Step 3 (ch5-03) does.
 */
public final class Ch5_02_UncheckedOneShot {

    private Ch5_02_UncheckedOneShot() {
    }

    /** Runs the program; it takes no arguments. */
    public static void run(Terminal terminal, Args args) {
        UncheckedOneShot<String> channel = new UncheckedOneShot<>();
        HelloWorld.sendAndParkUntilReady(channel::send, channel::isReady, channel::receive,
                terminal.out());
    }
}
