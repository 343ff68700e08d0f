package dev.atomicslocks.examples.ch3;

import static dev.atomicslocks.basics.Ordering.ACQUIRE;
import static dev.atomicslocks.basics.Ordering.RELEASE;

import dev.atomicslocks.basics.AtomicRef;
import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Check;
import dev.atomicslocks.examples.Terminal;
import dev.atomicslocks.examples.ThreadScope;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jspecify.annotations.Nullable;

/**
 * Book ch3-09-lazy-init-box: a value too big for one atomic, created on first use and
 * published through a reference. The first thread to find the reference empty builds the
 * value and installs it with a compare-exchange; its release ordering publishes the contents
 * together with the reference, and the acquire load of a later caller sees them. A thread
 * that loses the race drops its own copy and uses the winner's.
 *
 * <p>What to see: the same object twice (the book prints its address; Java prints its
 * identity hash code). Beyond the book, eight threads then race on a fresh holder and all get
 * one object, with its contents complete. The jcstress test {@code Ch3_09_LazyInitBox} checks
 * the publication.
 *
 * <p>Where Java differs: the book allocates with {@code Box::into_raw} and must free the
 * loser's copy by hand; here the garbage collector takes it. Acquire and release are still
 * needed: without them another thread could see the reference before the array's contents,
 * which Java allows for a plain field, and which would show zeros here.
 */
public final class Ch3_09_LazyInitBox {

    static final int SIZE = 100;
    static final byte FILL = 123;
    static final int RACERS = 8;

    private final AtomicRef<byte[]> data = new AtomicRef<>(null);

    private Ch3_09_LazyInitBox() {
    }

    /** Runs the program; it takes no arguments. */
    public static void run(Terminal terminal, Args args) {
        PrintStream out = terminal.out();
        Ch3_09_LazyInitBox program = new Ch3_09_LazyInitBox();

        byte[] first = program.getData();
        byte[] second = program.getData();
        out.println("getData() = " + identity(first));
        out.println("getData() = " + identity(second) + " (the same object as before)");
        Check.that(sameObject(first, second), "both calls return the same object");

        Ch3_09_LazyInitBox fresh = new Ch3_09_LazyInitBox();
        Queue<byte[]> returned = new ConcurrentLinkedQueue<>();
        try (ThreadScope scope = new ThreadScope()) {
            for (int t = 0; t < RACERS; t++) {
                scope.spawn(() -> {
                    byte[] seen = fresh.getData();
                    Check.that(isComplete(seen), "the racing thread saw complete contents");
                    returned.add(seen);
                });
            }
        }
        byte[] winner = fresh.getData();
        long others = returned.stream().filter(seen -> !sameObject(seen, winner)).count();
        out.println(RACERS + " threads at once all got " + identity(winner) + ": "
                + (others == 0 ? "yes" : "no, " + others + " got another"));
        Check.equal(others, 0, "racing threads that got another object");
    }

    private byte[] getData() {
        byte[] current = data.load(ACQUIRE);
        if (current != null) {
            return current;
        }
        byte[] created = generateData();
        // RELEASE publishes the contents with the reference; ACQUIRE on failure pairs with
        // the winner's release, so its contents are visible to this thread too.
        byte @Nullable [] found = data.compareExchange(null, created, RELEASE, ACQUIRE);
        return found == null ? created : found;
    }

    private static byte[] generateData() {
        byte[] created = new byte[SIZE];
        Arrays.fill(created, FILL);
        return created;
    }

    private static boolean isComplete(byte[] data) {
        for (byte b : data) {
            if (b != FILL) {
                return false;
            }
        }
        return data.length == SIZE;
    }

    /** Identity, not equal contents, is the point: one object shared by every caller. */
    @SuppressWarnings("ReferenceEquality")
    private static boolean sameObject(byte[] a, byte[] b) {
        return a == b;
    }

    private static String identity(Object object) {
        return "byte[" + SIZE + "]@" + Integer.toHexString(System.identityHashCode(object));
    }
}
