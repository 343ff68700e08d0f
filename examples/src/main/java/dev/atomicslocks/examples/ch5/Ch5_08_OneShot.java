package dev.atomicslocks.examples.ch5;

import dev.atomicslocks.channels.OneShot;
import dev.atomicslocks.channels.Received;
import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Check;
import dev.atomicslocks.examples.Terminal;
import dev.atomicslocks.examples.ThreadScope;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Chapter 5's final step grown into a type to import, {@link OneShot}: the book's test, then
 * what it adds. A sender closed without sending wakes the receiver with "closed" instead of
 * leaving it asleep; a message sent to a closed receiver is not taken and stays the sender's;
 * a timed receive gives up; and each end refuses a second use.
 *
 * <p>What to see: {@code received "hello world!"}; {@code Closed} for a sender that gave up;
 * {@code send to a closed receiver: not taken}; {@code Empty} after a short timeout; and a
 * second receive refused.
 *
 * <p>Where Java differs: the book's last step consumes each end when it is used, so a second
 * use does not compile; here the ends check it at run time. The result of a receive is a
 * {@link Received}: a message, the news that none will come, or (for the try forms) nothing
 * yet.
 */
public final class Ch5_08_OneShot {

    static final Duration SHORT = Duration.ofMillis(10);

    private Ch5_08_OneShot() {
    }

    /** Runs the program; it takes no arguments. */
    public static void run(Terminal terminal, Args args) throws InterruptedException {
        PrintStream out = terminal.out();

        OneShot<String> hello = OneShot.create();
        try (ThreadScope scope = new ThreadScope()) {
            scope.spawn(() -> hello.sender().send(HelloWorld.MESSAGE));
            String received = hello.receiver().receive().orElseThrow();
            out.println("received \"" + received + "\"");
            Check.that(received.equals(HelloWorld.MESSAGE), "the message arrived");
        }
        out.println("a second receive: refused ("
                + Check.refused("a second receive", () -> hello.receiver().receive()) + ")");

        OneShot<String> abandoned = OneShot.create();
        try (ThreadScope scope = new ThreadScope()) {
            scope.spawn(() -> abandoned.sender().close());
            Received<String> result = abandoned.receiver().receive();
            out.println("receive from a sender closed without sending: " + result);
            Check.that(result instanceof Received.Closed, "the receiver learns no message comes");
        }

        OneShot<String> unwanted = OneShot.create();
        unwanted.receiver().close();
        boolean taken = unwanted.sender().send("too late");
        out.println("send to a closed receiver: " + (taken ? "taken" : "not taken"));
        Check.that(!taken, "a closed receiver takes no message");

        OneShot<String> slow = OneShot.create();
        Received<String> waited = slow.receiver().tryReceive(SHORT);
        out.println("receive with a " + SHORT.toMillis() + " ms timeout and no sender: " + waited);
        Check.that(waited instanceof Received.Empty, "the timed receive gives up empty");
        slow.sender().close();
    }
}
