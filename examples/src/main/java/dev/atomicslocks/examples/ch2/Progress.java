package dev.atomicslocks.examples.ch2;

import java.io.PrintStream;

/**
 * Reports how far a long walk has got, sixteen times along the way, for the id allocation
 * programs that count through all four billion values of a 32-bit counter.
 */
final class Progress {

    static final int REPORTS = 16;

    private final long total;
    private final long every;
    private final PrintStream out;

    Progress(long total, PrintStream out) {
        this.total = total;
        this.every = Math.max(1, total / REPORTS);
        this.out = out;
    }

    /** Called after each step with the number of steps done so far. */
    void stepsDone(long done) {
        if (done % every == 0 && done < total) {
            out.printf("  %3d%% (%d of %d)%n", done * 100 / total, done, total);
        }
    }
}
