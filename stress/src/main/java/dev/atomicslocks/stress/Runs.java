package dev.atomicslocks.stress;

import java.io.File;
import java.io.IOException;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.openjdk.jcstress.JCStress;
import org.openjdk.jcstress.Options;
import org.openjdk.jcstress.infra.collectors.DiskReadCollector;
import org.openjdk.jcstress.infra.collectors.InProcessCollector;
import org.openjdk.jcstress.infra.collectors.TestResult;
import org.openjdk.jcstress.infra.grading.ReportUtils;

/**
 * Runs jcstress 0.16 in this process and reads back what it recorded.
 *
 * <p>jcstress's own {@code Main} ends its report by throwing an {@link AssertionError} that
 * lists every forbidden outcome and every test error, so {@code java -jar jcstress.jar} exits
 * with status 1 for those; but it exits with 0 when no test matched the filter, and it has no
 * notion of an outcome that must be seen. A run also leaves a binary result file
 * ({@code jcstress-results-<time>.bin.gz} in the working directory, named by
 * {@link Options#getResultFile()}): a serialised stream of {@link TestResult}s, one per test,
 * configuration and fork. Reading it with jcstress's {@link DiskReadCollector} and grading each
 * result against the test's {@code @Outcome}s is what jcstress's report does; the runners of
 * this package do the same and then decide the exit status themselves.
 */
final class Runs {

    private Runs() {
    }

    /** Parses jcstress's command line; null when it was invalid or asked for help. */
    static @Nullable Options parse(String[] args) throws Exception {
        Options options = new Options(args);
        return options.parse() ? options : null;
    }

    /** The names of the tests that the options select, whether or not they can run here. */
    static SortedSet<String> selected(Options options) {
        return new JCStress(options).getTests();
    }

    /**
     * Runs the selected tests, or with {@code -p} only reports an earlier run, and returns the
     * results of each test merged over all its configurations, by test name. Empty when no test
     * ran.
     */
    static Map<String, TestResult> runOrParse(Options options) throws Exception {
        JCStress jcstress = new JCStress(options);
        try {
            if (options.shouldParse()) {
                jcstress.parseResults();
            } else {
                jcstress.run();
            }
        } catch (AssertionError failures) {
            // jcstress's list of failures, already printed in its report; the caller grades the
            // same results below and reports them in its own terms.
            System.out.println("jcstress reported failures; grading the results file.");
        }
        return read(options.getResultFile());
    }

    private static Map<String, TestResult> read(String resultFile)
            throws IOException, ClassNotFoundException {
        Map<String, TestResult> byName = new TreeMap<>();

        // jcstress writes no file when no test matched the filter.
        if (!new File(resultFile).isFile()) {
            return byName;
        }
        InProcessCollector collector = new InProcessCollector();
        DiskReadCollector reader = new DiskReadCollector(resultFile, collector);
        try {
            reader.dump();
        } finally {
            reader.close();
        }
        for (TestResult result : ReportUtils.mergedByName(collector.getTestResults())) {
            byName.put(result.getName(), result);
        }
        return byName;
    }
}
