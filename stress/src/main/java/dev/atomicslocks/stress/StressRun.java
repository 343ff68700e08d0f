package dev.atomicslocks.stress;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openjdk.jcstress.Options;
import org.openjdk.jcstress.infra.Status;
import org.openjdk.jcstress.infra.collectors.TestResult;

/**
 * Runs jcstress with the given arguments (the same ones as {@code java -jar jcstress.jar}) and
 * exits with status 1 when a test saw a {@code FORBIDDEN} outcome, ended in an error, or no
 * test ran at all; status 2 when the arguments were invalid. jcstress 0.16 alone exits with 0
 * in all of these cases, so this is what CI runs.
 *
 * <pre>{@code
 * java -cp stress/target/jcstress.jar dev.atomicslocks.stress.StressRun -m sanity
 * }</pre>
 */
public final class StressRun {

    private StressRun() {
    }

    /** Runs jcstress, prints every failed test and sets the exit status. */
    public static void main(String[] args) throws Exception {
        Options options = Runs.parse(args);
        if (options == null) {
            System.exit(2);
            return;
        }
        if (options.shouldList()) {
            Runs.selected(options).forEach(System.out::println);
            return;
        }

        Map<String, TestResult> results = Runs.runOrParse(options);
        List<String> problems = problems(results);
        for (String name : Runs.selected(options)) {
            if (!results.containsKey(name)) {
                // Not an error: a test with more actors than this machine has CPUs is skipped.
                System.out.println("StressRun: not run here: " + name);
            }
        }

        if (problems.isEmpty()) {
            System.out.println("StressRun: all " + results.size() + " tests passed.");
            System.exit(0);
        }
        System.out.println("StressRun: " + problems.size() + " of " + results.size()
                + " tests failed:");
        problems.forEach(problem -> System.out.println("  " + problem));
        System.exit(1);
    }

    /** One line for each test that failed or broke, and one if no test ran at all. */
    static List<String> problems(Map<String, TestResult> results) {
        List<String> problems = new ArrayList<>();
        if (results.isEmpty()) {
            problems.add("no test ran: check the -t filter");
        }
        results.forEach((name, result) -> {
            if (result.status() != Status.NORMAL) {
                problems.add(name + ": " + result.status());
            } else if (!result.grading().isPassed) {
                problems.add(name + ": " + String.join("; ", result.grading().failureMessages));
            }
        });
        return problems;
    }
}
