package dev.atomicslocks.examples.ch3;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * How often each outcome of a repeated experiment was seen, printed as a small table in the
 * order of the outcomes' names. For the programs that take a {@code rounds} argument.
 */
final class Outcomes {

    private final Map<String, Long> counts = new TreeMap<>();

    /**
     * Runs {@code experiment} {@code rounds} times. One round prints its outcome; more print
     * how often each outcome came, under "{@code what}, over N rounds:".
     */
    static void repeat(int rounds, String what, Supplier<String> experiment, PrintStream out) {
        Outcomes outcomes = new Outcomes();
        for (int round = 0; round < rounds; round++) {
            outcomes.add(experiment.get());
        }
        if (rounds == 1) {
            outcomes.counts.keySet().forEach(out::println);
        } else {
            outcomes.print(what + ", over " + rounds + " rounds:", out);
        }
    }

    private Outcomes() {
    }

    /** Counts one more round that ended in {@code outcome}. */
    private void add(String outcome) {
        counts.merge(outcome, 1L, Long::sum);
    }

    /** Prints each outcome seen with its count, one a line, under {@code heading}. */
    private void print(String heading, PrintStream out) {
        out.println(heading);
        counts.forEach((outcome, count) -> out.printf("  %-16s %,d%n", outcome, count));
    }
}
