package dev.atomicslocks.examples.ch3;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;

/**
 * How often each outcome of a repeated experiment was seen, printed as a small table in the
 * order of the outcomes' names. For the programs that take a {@code rounds} argument.
 */
final class Outcomes {

    private final Map<String, Long> counts = new TreeMap<>();

    /** Counts one more round that ended in {@code outcome}. */
    void add(String outcome) {
        counts.merge(outcome, 1L, Long::sum);
    }

    /** How many rounds ended in {@code outcome}. */
    long count(String outcome) {
        return counts.getOrDefault(outcome, 0L);
    }

    /** Prints each outcome seen with its count, one a line, under {@code heading}. */
    void print(String heading, PrintStream out) {
        out.println(heading);
        counts.forEach((outcome, count) -> out.printf("  %-16s %,d%n", outcome, count));
    }
}
