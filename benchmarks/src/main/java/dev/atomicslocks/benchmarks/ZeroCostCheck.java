package dev.atomicslocks.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Is every wrapper operation within 5% of the raw call it stands for? Runs the
 * {@code Atomic*Benchmark} classes in one JMH run, pairs each {@code op_ordering_wrapper}
 * method with every {@code op_ordering_<baseline>} method of the same class, prints one
 * Markdown table row per pair, and exits with status 1 if any wrapper is slower than
 * {@value #TOLERANCE} times its baseline even after both scores are moved to the favourable
 * end of their 99.9% confidence intervals. Status 3 means no wrapper was shown slower but
 * some pair was too noisy to judge (its scores differ by more than 5% and its errors add up
 * to more than 5%); status 2 means nothing could be paired.
 *
 * <p>Arguments are those of the JMH jar (a benchmark pattern, {@code -f}, {@code -i}, ...);
 * without a pattern every {@code Atomic*Benchmark} runs. The mode is always average time in
 * nanoseconds per operation, whatever the arguments say.
 */
public final class ZeroCostCheck {

    /** How much slower than its baseline a wrapper may be: the 5%. */
    static final double TOLERANCE = 1.05;

    private static final String DEFAULT_PATTERN =
            "dev\\.atomicslocks\\.benchmarks\\.Atomic\\w+Benchmark\\.";

    /** {@code ...Class.operation_ordering_implementation}, the naming the benchmarks follow. */
    private static final Pattern NAME =
            Pattern.compile(".*\\.(\\w+)Benchmark\\.([a-zA-Z]+)_([a-zA-Z]+)_([a-zA-Z]+)");

    private static final String WRAPPER = "wrapper";

    /** Table order: operations as the benchmark classes list them, orderings weakest first. */
    private static final List<String> OPERATIONS =
            List.of("load", "store", "compareExchange", "fetchAdd");
    private static final List<String> ORDERINGS =
            List.of("relaxed", "acquire", "release", "acqRel", "seqCst");

    private ZeroCostCheck() {
    }

    /** Runs the benchmarks; exits 0 (all within 5%), 1 (some slower), 2 or 3 (see above). */
    public static void main(String[] args) throws CommandLineOptionException, RunnerException {
        CommandLineOptions commandLine = new CommandLineOptions(args);
        ChainedOptionsBuilder options = new OptionsBuilder()
                .parent(commandLine)
                .mode(Mode.AverageTime)
                .timeUnit(TimeUnit.NANOSECONDS);
        if (commandLine.getIncludes().isEmpty()) {
            options.include(DEFAULT_PATTERN);
        }
        Collection<RunResult> results = new Runner(options.build()).run();

        List<Pair> pairs = pair(measurements(results));
        PrintStream out = System.out;
        if (pairs.isEmpty()) {
            out.println("No wrapper benchmark ran beside a baseline: nothing to check.");
            System.exit(2);
        }
        printTable(out, pairs);
        long slower = count(pairs, Verdict.SLOWER);
        long inconclusive = count(pairs, Verdict.INCONCLUSIVE);
        out.printf(Locale.ROOT, "%n%d of %d pairs: wrapper more than %d%% slower than its "
                + "baseline beyond the measured error; %d too noisy to judge.%n",
                slower, pairs.size(), Math.round((TOLERANCE - 1) * 100), inconclusive);
        if (slower > 0) {
            System.exit(1);
        }
        if (inconclusive > 0) {
            out.println("Run again on a quieter machine, or with more forks (-f) or iterations.");
            System.exit(3);
        }
    }

    private static long count(List<Pair> pairs, Verdict verdict) {
        return pairs.stream().filter(pair -> pair.verdict() == verdict).count();
    }

    /** The results whose names follow the benchmarks' naming; others are left out. */
    static List<Measurement> measurements(Collection<RunResult> results) {
        List<Measurement> measurements = new ArrayList<>();
        for (RunResult run : results) {
            Matcher name = NAME.matcher(run.getParams().getBenchmark());
            if (!name.matches()) {
                continue;
            }
            Result<?> primary = run.getPrimaryResult();
            measurements.add(new Measurement(name.group(1), name.group(2), name.group(3),
                    name.group(4), primary.getScore(), primary.getScoreError()));
        }
        return measurements;
    }

    /** Every wrapper measurement with every baseline of the same type, operation, ordering. */
    static List<Pair> pair(List<Measurement> measurements) {
        List<Pair> pairs = new ArrayList<>();
        for (Measurement wrapper : measurements) {
            if (!wrapper.implementation().equals(WRAPPER)) {
                continue;
            }
            for (Measurement baseline : measurements) {
                if (!baseline.implementation().equals(WRAPPER) && baseline.sameCase(wrapper)) {
                    pairs.add(new Pair(wrapper, baseline));
                }
            }
        }
        pairs.sort(Comparator.comparing((Pair pair) -> pair.wrapper().type())
                .thenComparingInt(pair -> rank(OPERATIONS, pair.wrapper().operation()))
                .thenComparingInt(pair -> rank(ORDERINGS, pair.wrapper().ordering()))
                .thenComparing(pair -> pair.baseline().implementation()));
        return pairs;
    }

    /** The position of {@code name} in {@code order}; names not listed come last. */
    private static int rank(List<String> order, String name) {
        int index = order.indexOf(name);
        return index < 0 ? order.size() : index;
    }

    private static void printTable(PrintStream out, List<Pair> pairs) {
        out.println();
        out.println("CPU: " + cpuModel() + ", " + Runtime.getRuntime().availableProcessors()
                + " CPUs; JDK: " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version"));
        out.println();
        out.println("| type | operation | ordering | baseline | wrapper ns/op | baseline ns/op "
                + "| ratio | verdict |");
        out.println("|---|---|---|---|---:|---:|---:|---|");
        for (Pair pair : pairs) {
            Measurement wrapper = pair.wrapper();
            Measurement baseline = pair.baseline();
            out.printf(Locale.ROOT,
                    "| %s | %s | %s | %s | %.3f ± %.3f | %.3f ± %.3f | %.3f | %s |%n",
                    wrapper.type(), wrapper.operation(), wrapper.ordering(),
                    baseline.implementation(), wrapper.score(), wrapper.error(),
                    baseline.score(), baseline.error(), pair.ratio(), pair.verdict().text);
        }
    }

    /** The processor's model name from {@code /proc/cpuinfo}, where there is one. */
    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst()
                    .orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown (" + e.getClass().getSimpleName() + ")";
        }
    }

    /** One benchmark's average time and the half-width of its 99.9% confidence interval. */
    record Measurement(String type, String operation, String ordering, String implementation,
            double score, double error) {

        /** JMH reports no error for a single iteration; treat it as exact rather than unknown. */
        Measurement {
            if (Double.isNaN(error)) {
                error = 0;
            }
        }

        boolean sameCase(Measurement other) {
            return type.equals(other.type) && operation.equals(other.operation)
                    && ordering.equals(other.ordering);
        }
    }

    /** A wrapper benchmark and one baseline of the same case. */
    record Pair(Measurement wrapper, Measurement baseline) {

        double ratio() {
            return wrapper.score() / baseline.score();
        }

        /**
         * Judges the pair by the ends of the two confidence intervals nearest each other. A
         * pair whose scores differ by more than 5% passes on the error only if the errors
         * together are under 5%: wider intervals cannot tell 5% from nothing.
         */
        Verdict verdict() {
            if (ratio() <= TOLERANCE) {
                return Verdict.WITHIN;
            }
            double fastestWrapper = wrapper.score() - wrapper.error();
            double slowestBaseline = baseline.score() + baseline.error();
            if (fastestWrapper > TOLERANCE * slowestBaseline) {
                return Verdict.SLOWER;
            }
            double relativeError = wrapper.error() / wrapper.score()
                    + baseline.error() / baseline.score();
            return relativeError <= TOLERANCE - 1 ? Verdict.WITHIN_ERROR : Verdict.INCONCLUSIVE;
        }
    }

    /** How a wrapper compares with one baseline. */
    enum Verdict {
        /** The scores themselves are within 5%. */
        WITHIN("ok"),
        /** The scores differ by more than 5%, the confidence intervals by less. */
        WITHIN_ERROR("ok (within error)"),
        /** The scores differ by more than 5%, and the errors are too wide to judge it. */
        INCONCLUSIVE("INCONCLUSIVE (too noisy)"),
        /** Even the intervals differ by more than 5%. */
        SLOWER("SLOWER");

        final String text;

        Verdict(String text) {
            this.text = text;
        }
    }
}
