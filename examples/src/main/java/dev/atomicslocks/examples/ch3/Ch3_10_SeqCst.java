package dev.atomicslocks.examples.ch3;

import static dev.atomicslocks.basics.Ordering.SEQ_CST;

import dev.atomicslocks.basics.AtomicBool;
import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Check;
import dev.atomicslocks.examples.Terminal;
import dev.atomicslocks.examples.ThreadScope;

/**
 * Book ch3-10-seqcst: each of two threads sets its own flag and then, if the other's flag is
 * still unset, appends to a shared string. With sequentially consistent operations all four
 * accesses fall into one total order, so at least one thread sees the other's flag: the
 * string ends with at most one mark, and the appends never race.
 *
 * <p>What to see: an empty string or {@code !}, never {@code !!}. With the argument
 * {@code rounds} the program repeats the experiment and counts each outcome. With release and
 * acquire instead, both loads may see {@code false} (store buffering, which x86 shows): the
 * jcstress test {@code Ch3_10_StoreBuffering} shows that outcome for release/acquire and
 * checks that it never happens with {@code SEQ_CST}.
 *
 * <p>Where Java differs: {@code SEQ_CST} is a volatile access. The string is a plain
 * {@link StringBuilder}, correct only because sequential consistency lets at most one thread
 * reach it, something javac cannot check (the book's {@code static mut} needs
 * {@code unsafe}).
 */
public final class Ch3_10_SeqCst {

    private final AtomicBool a = new AtomicBool(false);
    private final AtomicBool b = new AtomicBool(false);
    /** Appended to by at most one thread, read after both are joined. */
    private final StringBuilder s = new StringBuilder();

    private Ch3_10_SeqCst() {
    }

    /** Runs the program; the argument is {@code [rounds]}. */
    public static void run(Terminal terminal, Args args) {
        int rounds = args.positive("rounds", 1);
        Outcomes.repeat(rounds, "s", Ch3_10_SeqCst::round, terminal.out());
    }

    private static String round() {
        Ch3_10_SeqCst program = new Ch3_10_SeqCst();
        try (ThreadScope scope = new ThreadScope()) {
            scope.spawn(() -> program.setThenCheck(program.a, program.b));
            scope.spawn(() -> program.setThenCheck(program.b, program.a));
        }
        String result = "s = \"" + program.s + "\"";
        Check.that(program.s.length() <= 1, "at most one thread appended: " + result);
        return result;
    }

    private void setThenCheck(AtomicBool mine, AtomicBool theirs) {
        mine.store(true, SEQ_CST);
        if (!theirs.load(SEQ_CST)) {
            s.append('!');
        }
    }
}
