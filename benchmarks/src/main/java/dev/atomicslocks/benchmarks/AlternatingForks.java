package dev.atomicslocks.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Compares two benchmarks fork by fork, in alternation: round 1 runs one fork of the first
 * and then one of the second, round 2 the second and then the first, and so on. Prints each
 * round's two scores and their ratio, then the mean of each benchmark, the mean of the
 * per-round ratios with its standard error, and how many rounds each side won.
 *
 * <p>Why: JMH runs every fork of one benchmark before the next, so a machine whose speed
 * drifts over minutes (a virtual machine beside busy neighbours does) biases a side-by-side
 * run towards whichever benchmark ran in the faster minutes. Alternating single forks
 * spreads the drift over both, and pairing each round's forks cancels most of it in the
 * ratio.
 *
 * <p>Arguments: the two benchmarks, each a pattern matching exactly one benchmark method
 * (e.g. {@code 'MutexBenchmark.contended_mutex$'}), the number of rounds, then any options
 * of the JMH jar ({@code -bm thrpt}, {@code -wi 3}, {@code -jvmArgsAppend ...}). The fork
 * count is always one per run. For a mode where higher is better (throughput), a ratio above
 * 1 means the first benchmark was faster; for time modes, below 1.
 */
public final class AlternatingForks {

    private AlternatingForks() {
    }

    /** Runs the rounds and prints the comparison; exits with status 2 on bad arguments. */
    public static void main(String[] args) throws CommandLineOptionException, RunnerException {
        if (args.length < 3) {
            System.err.println("usage: AlternatingForks <benchmark A> <benchmark B> <rounds> "
                    + "[JMH options]");
            System.exit(2);
        }
        String first = args[0];
        String second = args[1];
        int rounds = Integer.parseInt(args[2]);
        if (rounds < 2) {
            System.err.println("AlternatingForks needs at least 2 rounds, got " + rounds);
            System.exit(2);
        }
        CommandLineOptions jmh = new CommandLineOptions(Arrays.copyOfRange(args, 3, args.length));

        List<Round> results = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            boolean firstGoesFirst = round % 2 == 1;
            double a;
            double b;
            if (firstGoesFirst) {
                a = runOneFork(jmh, first);
                b = runOneFork(jmh, second);
            } else {
                b = runOneFork(jmh, second);
                a = runOneFork(jmh, first);
            }
            results.add(new Round(round, a, b));
        }
        print(System.out, first, second, results);
    }

    /** One fork of the one benchmark {@code pattern} names; returns its primary score. */
    private static double runOneFork(CommandLineOptions jmh, String pattern)
            throws RunnerException {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .parent(jmh)
                .include(pattern)
                .forks(1)
                .build()).run();
        if (results.size() != 1) {
            throw new IllegalArgumentException("the pattern " + pattern + " matched "
                    + results.size() + " benchmarks; it must match exactly one");
        }
        return results.iterator().next().getPrimaryResult().getScore();
    }

    /** The two scores of one round. */
    record Round(int number, double first, double second) {
        double ratio() {
            return first / second;
        }
    }

    static void print(PrintStream out, String first, String second, List<Round> rounds) {
        out.println();
        out.println("| round | " + shortName(first) + " | " + shortName(second) + " | ratio |");
        out.println("|---:|---:|---:|---:|");
        for (Round round : rounds) {
            out.printf(Locale.ROOT, "| %d | %.2f | %.2f | %.3f |%n",
                    round.number(), round.first(), round.second(), round.ratio());
        }
        double[] a = rounds.stream().mapToDouble(Round::first).toArray();
        double[] b = rounds.stream().mapToDouble(Round::second).toArray();
        double[] ratios = rounds.stream().mapToDouble(Round::ratio).toArray();
        long firstHigher = rounds.stream().filter(round -> round.ratio() > 1).count();
        out.println();
        out.printf(Locale.ROOT, "%s: mean %.2f, median %.2f%n", first, mean(a), median(a));
        out.printf(Locale.ROOT, "%s: mean %.2f, median %.2f%n", second, mean(b), median(b));
        out.printf(Locale.ROOT, "ratio of the means %.3f; per-round ratio: mean %.3f ± %.3f "
                + "(standard error), median %.3f; first scored higher in %d of %d rounds%n",
                mean(a) / mean(b), mean(ratios), standardError(ratios), median(ratios),
                firstHigher, rounds.size());
    }

    /** The method name of a pattern such as {@code 'MutexBenchmark.contended_mutex$'}. */
    private static String shortName(String pattern) {
        String name = pattern.replaceAll("[$^\\\\]", "");
        return name.substring(name.lastIndexOf('.') + 1);
    }

    static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle]
                : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** The standard error of the mean: the sample standard deviation over the root of n. */
    static double standardError(double[] values) {
        double mean = mean(values);
        double squares = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
        return Math.sqrt(squares / (values.length - 1)) / Math.sqrt(values.length);
    }
}
