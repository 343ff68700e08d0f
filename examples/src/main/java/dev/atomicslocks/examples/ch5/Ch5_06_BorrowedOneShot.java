package dev.atomicslocks.examples.ch5;

import dev.atomicslocks.channels.steps.BorrowedOneShot;
import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Terminal;
import java.io.PrintStream;

/**
 * Chapter 5, step 5: borrowing to avoid allocation. One channel object is split into a sender
 * and a receiver; once both are done with, it is split again for the next message, and
 * nothing is allocated per message. The book's test runs twice on one channel.
 *
 * <p>What to see: {@code received "hello world!"} twice, from one channel.
 *
 * <p>Where Java differs: Rust's {@code split(&mut self)} ties the ends to a borrow of the
 * channel, so it cannot be split again while they exist; Java cannot express that, and the
 * program simply finishes with each pair before splitting again.
 */
public final class Ch5_06_BorrowedOneShot {

    static final int ROUNDS = 2;

    private Ch5_06_BorrowedOneShot() {
    }

    /** Runs the program; it takes no arguments. */
    public static void run(Terminal terminal, Args args) {
        PrintStream out = terminal.out();
        BorrowedOneShot<String> channel = new BorrowedOneShot<>();
        for (int round = 0; round < ROUNDS; round++) {
            BorrowedOneShot.Ends<String> ends = channel.split();
            HelloWorld.sendAndParkUntilReady(ends.sender()::send, ends.receiver()::isReady,
                    ends.receiver()::receive, out);
        }
    }
}
