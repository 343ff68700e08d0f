package dev.atomicslocks.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every program of the book, run through the launcher with short bounds, prints what the
 * book's version prints or asserts; and the launcher itself lists, refuses and reports as it
 * documents.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
final class ExamplesTest {

    /** Divides every sleep of a program, so that a ten-second program takes a tenth of one. */
    private static final String FAST = "100";
    /**
     * For the progress reports, whose first line would race with the workers if they finished
     * in a few milliseconds.
     */
    private static final String TENFOLD = "10";
    /** What the book's one-shot channel test prints on each step that parks by hand. */
    private static final String HELLO_AFTER_PARKS = "received \"hello world!\" after \\d+ parks?";

    /** What one program is run with, and the lines its output must hold. */
    record Smoke(String id, List<String> args, String input, List<String> inOrder,
            List<String> anyOrder) {

        /** A smoke case for {@code id}, run with {@code args}. */
        static Smoke of(String id, String... args) {
            return new Smoke(id, List.of(args), "", List.of(), List.of());
        }

        /** Lines matching these patterns must appear in this order, others between them. */
        Smoke inOrder(String... patterns) {
            return new Smoke(id, args, input, List.of(patterns), anyOrder);
        }

        /** A line matching each of these patterns must appear, one line each, in any order. */
        Smoke anyOrder(String... patterns) {
            return new Smoke(id, args, input, inOrder, List.of(patterns));
        }

        /** The program reads {@code text} as its standard input. */
        Smoke input(String text) {
            return new Smoke(id, args, text, inOrder, anyOrder);
        }

        @Override
        public String toString() {
            return args.isEmpty() ? id : id + " " + String.join(" ", args);
        }
    }

    /** The output and exit status of one run through the launcher. */
    record Run(int status, List<String> out, String err) {
    }

    static Stream<Smoke> smokes() {
        return Stream.of(
                Smoke.of("ch1-01-hello").inOrder("Hello from the main thread\\."),
                Smoke.of("ch1-02-hello-join").anyOrder("Hello from another thread!",
                        "Hello from another thread!", "This is my thread id: \\d+",
                        "This is my thread id: \\d+", "Hello from the main thread\\."),
                Smoke.of("ch1-03-spawn-closure").inOrder("1", "2", "3"),
                Smoke.of("ch1-04-scoped-threads").inOrder("1", "2", "3").anyOrder("length: 3"),
                Smoke.of("ch1-05-rc").inOrder("a and b are the same array: true",
                        "a and c are the same array: false"),
                Smoke.of("ch1-06-cell").inOrder("\\[1, 2, 3, 1\\]"),
                Smoke.of("ch1-07-refcell").inOrder("\\[1, 2, 3, 1\\]",
                        "changed the list while iterating it: .*"),
                Smoke.of("ch1-08-mutex").inOrder("n = 1000"),
                Smoke.of("ch1-09-sleep-before-unlock", FAST).inOrder("n = 1000, after .* s"),
                Smoke.of("ch1-10-unlock-before-sleep", FAST).inOrder("n = 1000, after .* s"),
                Smoke.of("ch1-11-thread-parking", "3", FAST)
                        .inOrder("item = 0", "item = 1", "item = 2"),
                Smoke.of("ch1-12-condvar", "3", FAST).inOrder("item = 0", "item = 1", "item = 2"),
                Smoke.of("ch1-13-thread-result").inOrder("average: 500"),
                Smoke.of("ch1-14-thread-builder").anyOrder(
                        "Hello from the thread named worker-0",
                        "Hello from the thread named worker-1").inOrder("and this is .*"),
                Smoke.of("ch1-15-static-and-leak").inOrder("static X: .*", "allocated x: .*"),
                Smoke.of("ch1-16-lost-updates", "10000").inOrder(
                        "plain long: \\d+ of 40000 \\(-?\\d+ updates lost\\)",
                        "AtomicU64:  40000 of 40000 \\(0 updates lost\\)"),
                Smoke.of("ch2-01-stop-flag").input("help\nfoo\nstop\n").inOrder(
                        "commands: help, stop", "unknown command: \"foo\"",
                        "the background thread has stopped"),
                Smoke.of("ch2-02-progress-reporting", TENFOLD)
                        .inOrder("Working\\.\\. \\d+/100 done", "Done!"),
                Smoke.of("ch2-03-progress-reporting-unpark", TENFOLD)
                        .inOrder("Working\\.\\. \\d+/100 done", "Done!"),
                Smoke.of("ch2-04-lazy-init", FAST).inOrder("getX\\(\\) = 123",
                        "getX\\(\\) = 123", "calculateX ran 1 time"),
                Smoke.of("ch2-05-fetch-add").inOrder("b = 100", "c = 123"),
                Smoke.of("ch2-06-progress-reporting-multiple-threads", TENFOLD)
                        .inOrder("Working\\.\\. \\d+/100 done", "Done!"),
                Smoke.of("ch2-07-statistics", TENFOLD).inOrder("Working\\.\\. (nothing done yet\\."
                        + "|\\d+/100 done, [\\d.]+ ms average, [\\d.]+ ms peak)", "Done!"),
                Smoke.of("ch2-08-id-allocation", "1000").inOrder("allocateNewId\\(\\) = 0",
                        "allocateNewId\\(\\) = 1", "allocateNewId\\(\\) = 2",
                        "overflowing the counter\\.\\.\\.", ".*%.*", "overflowed!",
                        "allocateNewId\\(\\) = 0"),
                Smoke.of("ch2-09-id-allocation-panic", "1000").inOrder(
                        "allocateNewId\\(\\) = 0", "overflowing the counter.*",
                        "overflowed! \\(1000 calls failed on the way\\)",
                        "allocateNewId\\(\\) = 0"),
                Smoke.of("ch2-10-id-allocation-subtract-before-panic").inOrder(
                        "allocateNewId\\(\\) = 0", "allocateNewId\\(\\) = 1",
                        "allocateNewId\\(\\) = 2", "took ids up to 999",
                        "allocateNewId\\(\\) failed: too many IDs! \\(the counter is at 1000\\)"),
                Smoke.of("ch2-11-increment-with-compare-exchange", "1000").inOrder("a = 2",
                        "4 threads x 1000 increments: 4000, after \\d+ retries"),
                Smoke.of("ch2-12-id-allocation-without-overflow").inOrder(
                        "allocateNewId\\(\\) = 0", "allocateNewId\\(\\) = 1",
                        "allocateNewId\\(\\) = 2",
                        "allocateNewId\\(\\) failed: too many IDs! \\(the counter is at 1000\\)",
                        "4 threads took 1000 different ids, from 0 to 999"),
                Smoke.of("ch2-13-lazy-one-time-init").inOrder("getKey\\(\\) = (\\d+)",
                        "getKey\\(\\) = \\1", "getKey\\(\\) = \\1",
                        "8 threads at once: \\d+ generated a key, 1 key returned to all"),
                Smoke.of("ch3-01-relaxed").inOrder("(0 0|10 0|10 20|0 20)"),
                Smoke.of("ch3-01-relaxed", "50").inOrder("x y, over 50 rounds:"),
                Smoke.of("ch3-02-spawn-join").inOrder("the thread saw [12]"),
                Smoke.of("ch3-03-total-modification-order", "50")
                        .inOrder("the four loads, over 50 rounds:"),
                Smoke.of("ch3-04-total-modification-order-2", "50")
                        .inOrder("the four loads, over 50 rounds:"),
                Smoke.of("ch3-05-out-of-thin-air").inOrder("x = 0, y = 0"),
                Smoke.of("ch3-06-release-acquire", FAST).inOrder("123"),
                Smoke.of("ch3-07-release-acquire-unsafe", FAST).inOrder("123"),
                Smoke.of("ch3-08-lock").inOrder("!+ \\(\\d+ of 100 threads\\)"),
                Smoke.of("ch3-09-lazy-init-box").inOrder("getData\\(\\) = (byte\\[100\\]@\\w+)",
                        "getData\\(\\) = \\1 \\(the same object as before\\)",
                        "8 threads at once all got .*: yes"),
                Smoke.of("ch3-10-seqcst", "50").inOrder("s, over 50 rounds:"),
                Smoke.of("ch3-11-fence", FAST).inOrder("\\d+ of 10 were ready"),
                Smoke.of("ch4-01-minimal-spin-lock", "1000")
                        .inOrder("counter = 4000 \\(4 threads x 1000\\)"),
                Smoke.of("ch4-02-unchecked-spin-lock", "100").inOrder("200 numbers, each once"),
                Smoke.of("ch4-03-spin-lock-guard").inOrder("\\[1, 2, 2\\]|\\[2, 2, 1\\]"),
                Smoke.of("ch4-04-spin-lock").inOrder("\\[1, 2, 2\\]|\\[2, 2, 1\\]",
                        "get\\(\\) after close\\(\\): refused \\(.*closed.*\\)",
                        "close\\(\\) twice: refused \\(.*closed.*\\)",
                        "close\\(\\) from another thread: refused \\(.*belongs to.*\\)",
                        "tryLock\\(\\) while another guard is open: null",
                        "tryLock\\(\\) once it is closed: got it"),
                Smoke.of("ch5-01-mutex-channel", "3")
                        .inOrder("message 0", "message 1", "message 2"),
                Smoke.of("ch5-02-unchecked-one-shot").inOrder(HELLO_AFTER_PARKS),
                Smoke.of("ch5-03-checked-one-shot").inOrder(HELLO_AFTER_PARKS,
                        "a second send: refused \\(.+\\)", "a second receive: refused \\(.+\\)"),
                Smoke.of("ch5-04-single-state-one-shot").inOrder(HELLO_AFTER_PARKS,
                        "a second send: refused \\(.+\\)", "a second receive: refused \\(.+\\)"),
                Smoke.of("ch5-05-typed-one-shot").inOrder(HELLO_AFTER_PARKS),
                Smoke.of("ch5-06-borrowed-one-shot").inOrder(HELLO_AFTER_PARKS, HELLO_AFTER_PARKS),
                Smoke.of("ch5-07-blocking-one-shot").inOrder("received \"hello world!\""),
                Smoke.of("ch5-08-one-shot").inOrder("received \"hello world!\"",
                        "a second receive: refused \\(.+\\)",
                        "receive from a sender closed without sending: Closed\\[\\]",
                        "send to a closed receiver: not taken",
                        "receive with a 10 ms timeout and no sender: Empty\\[\\]"),
                Smoke.of("ch5-09-channel", "1000").inOrder(
                        "bounded\\(16\\): 3000 of 3000 received, each once",
                        "bounded\\(16\\): a send after close: refused \\(.+\\)",
                        "unbounded: 3000 of 3000 received, each once",
                        "unbounded: a send after close: refused \\(.+\\)",
                        "rendezvous: 3000 of 3000 received, each once",
                        "rendezvous: a send after close: refused \\(.+\\)"),
                Smoke.of("ch6-01-basic-arc").anyOrder("main thread: hello",
                        "other thread: hello").inOrder(
                        "drops after the other thread's handle closed: 0",
                        "drops after the last handle closed: 1"),
                Smoke.of("ch6-02-weak-arc").anyOrder("main thread: hello", "other thread: hello")
                        .inOrder("upgrade while the strong handle is open: works \\(hello\\)",
                                "drops after the strong handle closed: 1",
                                "upgrade after that: fails"),
                Smoke.of("ch6-03-optimized-arc").anyOrder("main thread: hello",
                        "other thread: hello").inOrder(
                        "upgrade while the strong handle is open: works \\(hello\\)",
                        "drops after the strong handle closed: 1", "upgrade after that: fails",
                        "getMut with a weak handle open: null",
                        "getMut with no other handle: xy"),
                Smoke.of("ch6-04-arc").anyOrder("main thread: hello", "other thread: hello")
                        .inOrder("upgrade while the strong handle is open: works \\(hello\\)",
                                "drops after the strong handle closed: 1",
                                "upgrade after that: fails",
                                "get\\(\\) after close\\(\\): refused \\(.+\\)",
                                "close\\(\\) twice: refused \\(.+\\)",
                                "after the last worker let go, getMut gives the list with 4"
                                        + " entries"),
                Smoke.of("ch7-01-load-loop", "1000").inOrder("alone: 1,000 loads in .*"),
                Smoke.of("ch7-02-load-while-loading", "1000").inOrder("alone: .*",
                        "while another thread loads: 1,000 loads in .*"),
                Smoke.of("ch7-03-load-while-storing", "1000").inOrder("alone: .*",
                        "while another thread stores: .*",
                        "while another thread compare-exchanges: .*"),
                Smoke.of("ch7-03-load-while-storing", "1000", "store").inOrder("alone: .*",
                        "while another thread stores: .*"),
                Smoke.of("ch7-04-false-sharing", "1000").inOrder("side by side: 1,000 loads .*",
                        "on lines of their own: 1,000 loads .*"),
                Smoke.of("ch7-05-relaxed-lock", "1000").inOrder(
                        "relaxed lock: +\\d+ of 4000 \\(-?\\d+ lost\\)",
                        "acquire/release lock: 4000 of 4000 \\(0 lost\\)"),
                Smoke.of("ch8-01-futex", FAST).inOrder("Waiting\\.\\.\\.", "Done!"),
                Smoke.of("ch8-02-futex-shared").inOrder("\\[waiting process\\] Waiting\\.\\.\\.",
                        "stored 1 and woke [01] waiters?", "\\[waiting process\\] Done!"),
                Smoke.of("ch9-01-mutex-uncontended", "1000").inOrder(
                        "Mutex1.*: +locked 1000 times in .*", "Mutex2.*: +locked 1000 times .*",
                        "Mutex3.*: +locked 1000 times .*", "Mutex: +locked 1000 times .*",
                        "ReentrantLock: +locked 1000 times .*"),
                Smoke.of("ch9-02-mutex-contended", "1000").inOrder(
                        "Mutex1.*: +locked 4000 times in .*", "Mutex2.*: +locked 4000 times .*",
                        "Mutex3.*: +locked 4000 times .*", "Mutex: +locked 4000 times .*",
                        "ReentrantLock: +locked 4000 times .*"),
                Smoke.of("ch9-03-condvar-steps", FAST).inOrder(
                        "Condvar1: saw 123 after \\d wake-ups?",
                        "Condvar2: saw 123 after \\d wake-ups?"),
                Smoke.of("ch9-05-rwlock-steps", "1000").inOrder(
                        "RwLock1: two readers were inside at the same moment",
                        "RwLock1: 2 writers x 1000 = 2000",
                        "RwLock2: two readers were inside at the same moment",
                        "RwLock2: 2 writers x 1000 = 2000",
                        "RwLock3: two readers were inside at the same moment",
                        "RwLock3: 2 writers x 1000 = 2000"),
                Smoke.of("ch9-06-rwlock").inOrder("a reader is inside: .*",
                        "tryRead while a writer waits: refused",
                        "the next reader sees \\[written\\]",
                        "through the ReadWriteLock view: 4000 of 4000"));
    }

    // Every program the launcher knows has a smoke case below, and every case names one.
    @Test
    void everyProgram_hasASmokeCase() {
        List<String> ids = Examples.all().stream().map(Examples.Example::id).toList();
        List<String> covered = smokes().map(Smoke::id).distinct().toList();

        assertThat(covered).as("programs with a smoke case")
                .containsExactlyInAnyOrderElementsOf(ids);
    }

    // The project README lists every program with its usage and description.
    @Test
    void readme_listsEveryProgram() throws IOException {
        // Tests run in the module's folder; the README is the repository's.
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);

        for (Examples.Example example : Examples.all()) {
            assertThat(readme).as("the README's row for %s", example.id())
                    .contains("| `" + example.usage() + "` | " + example.description() + " |");
        }
    }

    // Each program runs to its end and prints what the book's version prints or asserts.
    @ParameterizedTest(name = "{0}")
    @MethodSource("smokes")
    void program_runThroughTheLauncher_printsWhatTheBookShows(Smoke smoke) {
        List<String> args = new ArrayList<>(List.of(smoke.id()));
        args.addAll(smoke.args());

        Run run = run(args, smoke.input());

        assertThat(run.status()).as("exit status of %s; it printed %s and %s", smoke, run.out(),
                run.err()).isEqualTo(Examples.SUCCEEDED);
        assertLinesInOrder(run.out(), smoke.inOrder());
        assertLinesInAnyOrder(run.out(), smoke.anyOrder());
    }

    // With no id, or "list", the launcher lists every program with its usage and description.
    @Test
    void launcher_withoutAnId_listsEveryProgram() {
        for (List<String> args : List.of(List.<String>of(), List.of("list"))) {
            Run run = run(args, "");

            assertThat(run.status()).as("exit status for %s", args).isEqualTo(Examples.SUCCEEDED);
            for (Examples.Example example : Examples.all()) {
                assertThat(run.out()).as("the listing for %s", args)
                        .anyMatch(line -> line.contains(example.usage())
                                && line.contains(example.description()));
            }
        }
    }

    // An unknown id is refused with status 2 and the list of programs on standard error.
    @Test
    void launcher_givenAnUnknownId_refusesIt() {
        Run run = run(List.of("ch0-99-nothing"), "");

        assertThat(run.status()).isEqualTo(Examples.BAD_USAGE);
        assertThat(run.err()).contains("There is no program \"ch0-99-nothing\"")
                .contains("ch2-05-fetch-add");
        assertThat(run.out()).isEmpty();
    }

    // Arguments a program cannot use are refused with status 2 and the program's usage.
    @Test
    void launcher_givenUnusableArguments_printsTheUsage() {
        Run tooMany = run(List.of("ch2-05-fetch-add", "1"), "");
        Run notANumber = run(List.of("ch1-11-thread-parking", "many"), "");
        Run badRole = run(List.of("ch8-02-futex-shared", "sleep"), "");

        assertThat(tooMany.status()).isEqualTo(Examples.BAD_USAGE);
        assertThat(tooMany.err()).contains("expected at most 0 arguments, got 1")
                .contains("usage: ch2-05-fetch-add");
        assertThat(notANumber.status()).isEqualTo(Examples.BAD_USAGE);
        assertThat(notANumber.err())
                .contains("items must be a whole number from 1 to 2147483647, not \"many\"")
                .contains("usage: ch1-11-thread-parking [items] [speedup]");
        assertThat(badRole.status()).isEqualTo(Examples.BAD_USAGE);
        assertThat(badRole.err()).contains("role must be one of both, wait, wake, not \"sleep\"");
    }

    // A program whose check fails ends with status 1 and says what failed.
    @Test
    void launcher_whenAProgramFails_reportsTheFailure() {
        Examples.Example failing = new Examples.Example("ch0-01-failing", "", "fails",
                (terminal, args) -> Check.equal(1, 2, "one"));
        Buffers buffers = new Buffers("");

        int status = Examples.run(failing, List.of(), buffers.terminal());

        assertThat(status).isEqualTo(Examples.FAILED);
        assertThat(buffers.err()).contains("ch0-01-failing failed")
                .contains("check failed: one is 1, expected 2");
    }

    private static Run run(List<String> args, String input) {
        Buffers buffers = new Buffers(input);
        int status = Examples.run(args, buffers.terminal());
        return new Run(status, buffers.outLines(), buffers.err());
    }

    /** Each pattern matches a whole line, after the line the previous pattern matched. */
    private static void assertLinesInOrder(List<String> lines, List<String> patterns) {
        int next = 0;
        String previousMatch = "";
        for (String pattern : patterns) {
            // \1 in a pattern stands for the first group of the previous pattern's match.
            String resolved = pattern.replace("\\1", Pattern.quote(previousMatch));
            Pattern compiled = Pattern.compile(resolved);
            int found = -1;
            for (int i = next; i < lines.size() && found < 0; i++) {
                Matcher matcher = compiled.matcher(lines.get(i));
                if (matcher.matches()) {
                    found = i;
                    previousMatch = matcher.groupCount() > 0 && matcher.group(1) != null
                            ? matcher.group(1) : previousMatch;
                }
            }
            assertThat(found).as("a line matching \"%s\" after line %d of %s", pattern, next,
                    lines).isGreaterThanOrEqualTo(0);
            next = found + 1;
        }
    }

    /** Each pattern matches a whole line of its own, in any order. */
    private static void assertLinesInAnyOrder(List<String> lines, List<String> patterns) {
        List<String> unmatched = new ArrayList<>(lines);
        for (String pattern : patterns) {
            Pattern compiled = Pattern.compile(pattern);
            int found = -1;
            for (int i = 0; i < unmatched.size() && found < 0; i++) {
                if (compiled.matcher(unmatched.get(i)).matches()) {
                    found = i;
                }
            }
            assertThat(found).as("a line of its own matching \"%s\" in %s", pattern, lines)
                    .isGreaterThanOrEqualTo(0);
            unmatched.remove(found);
        }
    }

    /** A terminal whose output and error are kept for the test to read. */
    private static final class Buffers {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();
        private final Terminal terminal;

        Buffers(String input) {
            terminal = new Terminal(
                    new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
        }

        Terminal terminal() {
            return terminal;
        }

        List<String> outLines() {
            String text = out.toString(StandardCharsets.UTF_8);
            return text.isEmpty() ? List.of() : Arrays.stream(text.split("\\R"))
                    .collect(Collectors.toList());
        }

        String err() {
            return err.toString(StandardCharsets.UTF_8);
        }
    }
}
