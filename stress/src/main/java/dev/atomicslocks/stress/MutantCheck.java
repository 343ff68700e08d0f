package dev.atomicslocks.stress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openjdk.jcstress.Options;
import org.openjdk.jcstress.infra.StateCase;
import org.openjdk.jcstress.infra.Status;
import org.openjdk.jcstress.infra.collectors.TestResult;
import org.openjdk.jcstress.infra.grading.GradingResult;
import org.openjdk.jcstress.infra.runners.TestList;

/**
 * Runs the deliberately broken test variants and exits with status 1 unless every one of them
 * was caught: a test whose name ends in {@code Mutant} must have seen, at least once, an outcome
 * whose description starts with {@value #CAUGHT}. A mutant that was never caught, did not run,
 * ended in an error or has no such outcome is listed. The arguments are jcstress's; without a
 * {@code -t} filter every mutant runs.
 *
 * <pre>{@code
 * java -cp stress/target/jcstress.jar dev.atomicslocks.stress.MutantCheck -m quick
 * }</pre>
 *
 * <p>Variants named {@code ...OnWeakHardware} are broken too but show reorderings that x86 does
 * not perform, so no check requires them.
 */
public final class MutantCheck {

    /** How the description of a mutant's bad outcome starts. */
    public static final String CAUGHT = "mutant caught: ";

    private static final String MUTANT_FILTER = "Mutant$";

    private MutantCheck() {
    }

    /** Runs the mutants, prints what each showed and sets the exit status. */
    public static void main(String[] args) throws Exception {
        Options options = Runs.parse(withDefaultFilter(args));
        if (options == null) {
            System.exit(2);
            return;
        }
        Map<String, TestResult> results = Runs.runOrParse(options);

        List<String> survivors = new ArrayList<>();
        int required = 0;
        for (String name : Runs.selected(options)) {
            if (!name.endsWith("Mutant")) {
                continue;
            }
            required++;
            String verdict = verdict(name, results.get(name));
            System.out.println("MutantCheck: " + name + ": " + verdict);
            if (!verdict.startsWith("caught")) {
                survivors.add(name + ": " + verdict);
            }
        }

        if (required == 0) {
            System.out.println("MutantCheck: no mutant matched the filter.");
            System.exit(1);
        }
        if (survivors.isEmpty()) {
            System.out.println("MutantCheck: all " + required + " mutants were caught.");
            System.exit(0);
        }
        System.out.println("MutantCheck: " + survivors.size() + " of " + required
                + " mutants survived:");
        survivors.forEach(survivor -> System.out.println("  " + survivor));
        System.exit(1);
    }

    /** Adds a filter that selects every mutant unless the caller gave one. */
    private static String[] withDefaultFilter(String[] args) {
        if (Arrays.asList(args).contains("-t")) {
            return args;
        }
        String[] withFilter = Arrays.copyOf(args, args.length + 2);
        withFilter[args.length] = "-t";
        withFilter[args.length + 1] = MUTANT_FILTER;
        return withFilter;
    }

    /** "caught N times" or the reason the mutant counts as a survivor. */
    private static String verdict(String name, @Nullable TestResult result) {
        boolean hasCaughtOutcome = false;
        for (StateCase outcome : TestList.getInfo(name).cases()) {
            hasCaughtOutcome |= outcome.description().startsWith(CAUGHT);
        }
        if (!hasCaughtOutcome) {
            return "SURVIVED: no outcome is described as \"" + CAUGHT + "...\"";
        }
        if (result == null) {
            return "SURVIVED: did not run (more actors than CPUs?)";
        }
        if (result.status() != Status.NORMAL) {
            return "SURVIVED: the run ended in " + result.status();
        }

        long caught = 0;
        for (GradingResult outcome : result.grading().gradingResults.values()) {
            if (outcome.description.startsWith(CAUGHT)) {
                caught += outcome.count;
            }
        }
        if (caught == 0) {
            return "SURVIVED: its bad outcome was never seen in "
                    + String.format("%,d", result.getTotalCount()) + " samples";
        }
        return String.format("caught %,d times in %,d samples", caught, result.getTotalCount());
    }
}
