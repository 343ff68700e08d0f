package dev.atomicslocks.examples.ch2;

import static dev.atomicslocks.basics.Ordering.RELAXED;

import dev.atomicslocks.basics.AtomicU32;
import dev.atomicslocks.basics.AtomicU64;
import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Check;
import dev.atomicslocks.examples.Terminal;
import dev.atomicslocks.examples.ThreadScope;
import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Book ch2-13-lazy-one-time-init: a random key generated on first use. Unlike ch2-04, two
 * threads that race to generate it do not both keep their own: a compare-exchange from 0 lets
 * exactly one key in, and the loser returns the winner's key and throws its own away.
 *
 * <p>What to see: {@code getKey()} three times, the same key each time. Beyond the book, eight
 * threads then ask a fresh holder at the same moment: several may generate a key, but all of
 * them return the same one.
 *
 * <p>Where Java differs: the key lives in a field of a {@link Key} object rather than a
 * {@code static}, so that the race can run on a fresh one. 0 means "no key yet", as in the
 * book, so a random 0 is drawn again.
 */
public final class Ch2_13_LazyOneTimeInit {

    static final int CALLS = 3;
    static final int RACERS = 8;

    private Ch2_13_LazyOneTimeInit() {
    }

    /** Runs the program; it takes no arguments. */
    public static void run(Terminal terminal, Args args) {
        PrintStream out = terminal.out();

        Key key = new Key();
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < CALLS; i++) {
            long k = key.get();
            seen.add(k);
            out.println("getKey() = " + Long.toUnsignedString(k));
        }
        Check.equal(seen.size(), 1, "different keys returned");

        Key fresh = new Key();
        Set<Long> raced = ConcurrentHashMap.newKeySet();
        try (ThreadScope scope = new ThreadScope()) {
            for (int t = 0; t < RACERS; t++) {
                scope.spawn(() -> raced.add(fresh.get()));
            }
        }
        out.println(RACERS + " threads at once: " + fresh.generated.load(RELAXED)
                + " generated a key, " + raced.size() + " key returned to all");
        Check.equal(raced.size(), 1, "different keys returned to the racing threads");
    }

    /** A key generated once. */
    private static final class Key {
        private final AtomicU64 key = new AtomicU64(0);
        /** How many keys were generated, kept or not; for the report only. */
        private final AtomicU32 generated = new AtomicU32();

        long get() {
            long current = key.load(RELAXED);
            if (current != 0) {
                return current;
            }
            long newKey = generateRandomKey();
            // Only one thread's key goes in; everyone else gets the one that did.
            long found = key.compareExchange(0, newKey, RELAXED, RELAXED);
            return found == 0 ? newKey : found;
        }

        private long generateRandomKey() {
            generated.fetchAdd(1, RELAXED);
            long k = 0;
            while (k == 0) {
                k = ThreadLocalRandom.current().nextLong();
            }
            return k;
        }
    }
}
