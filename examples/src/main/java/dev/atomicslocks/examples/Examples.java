package dev.atomicslocks.examples;

import dev.atomicslocks.examples.ch1.Ch1_01_Hello;
import dev.atomicslocks.examples.ch1.Ch1_02_HelloJoin;
import dev.atomicslocks.examples.ch1.Ch1_03_SpawnClosure;
import dev.atomicslocks.examples.ch1.Ch1_04_ScopedThreads;
import dev.atomicslocks.examples.ch1.Ch1_05_Rc;
import dev.atomicslocks.examples.ch1.Ch1_06_Cell;
import dev.atomicslocks.examples.ch1.Ch1_07_RefCell;
import dev.atomicslocks.examples.ch1.Ch1_08_Mutex;
import dev.atomicslocks.examples.ch1.Ch1_09_SleepBeforeUnlock;
import dev.atomicslocks.examples.ch1.Ch1_10_UnlockBeforeSleep;
import dev.atomicslocks.examples.ch1.Ch1_11_ThreadParking;
import dev.atomicslocks.examples.ch1.Ch1_12_Condvar;
import dev.atomicslocks.examples.ch1.Ch1_13_ThreadResult;
import dev.atomicslocks.examples.ch1.Ch1_14_ThreadBuilder;
import dev.atomicslocks.examples.ch1.Ch1_15_StaticAndLeak;
import dev.atomicslocks.examples.ch1.Ch1_16_LostUpdates;
import dev.atomicslocks.examples.ch2.Ch2_01_StopFlag;
import dev.atomicslocks.examples.ch2.Ch2_02_ProgressReporting;
import dev.atomicslocks.examples.ch2.Ch2_03_ProgressReportingUnpark;
import dev.atomicslocks.examples.ch2.Ch2_04_LazyInit;
import dev.atomicslocks.examples.ch2.Ch2_05_FetchAdd;
import dev.atomicslocks.examples.ch2.Ch2_06_ProgressReportingMultipleThreads;
import dev.atomicslocks.examples.ch2.Ch2_07_Statistics;
import dev.atomicslocks.examples.ch2.Ch2_08_IdAllocation;
import dev.atomicslocks.examples.ch2.Ch2_09_IdAllocationPanic;
import dev.atomicslocks.examples.ch2.Ch2_10_IdAllocationSubtractBeforePanic;
import dev.atomicslocks.examples.ch2.Ch2_11_IncrementWithCompareExchange;
import dev.atomicslocks.examples.ch2.Ch2_12_IdAllocationWithoutOverflow;
import dev.atomicslocks.examples.ch2.Ch2_13_LazyOneTimeInit;
import dev.atomicslocks.examples.ch3.Ch3_01_Relaxed;
import dev.atomicslocks.examples.ch3.Ch3_02_SpawnJoin;
import dev.atomicslocks.examples.ch3.Ch3_03_TotalModificationOrder;
import dev.atomicslocks.examples.ch3.Ch3_04_TotalModificationOrder2;
import dev.atomicslocks.examples.ch3.Ch3_05_OutOfThinAir;
import dev.atomicslocks.examples.ch3.Ch3_06_ReleaseAcquire;
import dev.atomicslocks.examples.ch3.Ch3_07_ReleaseAcquireUnsafe;
import dev.atomicslocks.examples.ch3.Ch3_08_Lock;
import dev.atomicslocks.examples.ch3.Ch3_09_LazyInitBox;
import dev.atomicslocks.examples.ch3.Ch3_10_SeqCst;
import dev.atomicslocks.examples.ch3.Ch3_11_Fence;
import dev.atomicslocks.examples.ch4.Ch4_01_MinimalSpinLock;
import dev.atomicslocks.examples.ch4.Ch4_02_UncheckedSpinLock;
import dev.atomicslocks.examples.ch4.Ch4_03_SpinLockGuard;
import dev.atomicslocks.examples.ch4.Ch4_04_SpinLock;
import dev.atomicslocks.examples.ch5.Ch5_01_MutexChannel;
import dev.atomicslocks.examples.ch5.Ch5_02_UncheckedOneShot;
import dev.atomicslocks.examples.ch5.Ch5_03_CheckedOneShot;
import dev.atomicslocks.examples.ch5.Ch5_04_SingleStateOneShot;
import dev.atomicslocks.examples.ch5.Ch5_05_TypedOneShot;
import dev.atomicslocks.examples.ch5.Ch5_06_BorrowedOneShot;
import dev.atomicslocks.examples.ch5.Ch5_07_BlockingOneShot;
import dev.atomicslocks.examples.ch5.Ch5_08_OneShot;
import dev.atomicslocks.examples.ch5.Ch5_09_Channel;
import dev.atomicslocks.examples.ch6.Ch6_01_BasicArc;
import dev.atomicslocks.examples.ch6.Ch6_02_WeakArc;
import dev.atomicslocks.examples.ch6.Ch6_03_OptimizedArc;
import dev.atomicslocks.examples.ch6.Ch6_04_Arc;
import dev.atomicslocks.examples.ch7.Ch7_01_LoadLoop;
import dev.atomicslocks.examples.ch7.Ch7_02_LoadWhileLoading;
import dev.atomicslocks.examples.ch7.Ch7_03_LoadWhileStoring;
import dev.atomicslocks.examples.ch7.Ch7_04_FalseSharing;
import dev.atomicslocks.examples.ch7.Ch7_05_RelaxedLock;
import dev.atomicslocks.examples.ch9.Ch9_01_MutexUncontended;
import dev.atomicslocks.examples.ch9.Ch9_02_MutexContended;
import dev.atomicslocks.examples.ch8.Ch8_01_Futex;
import dev.atomicslocks.examples.ch8.Ch8_02_FutexShared;
import dev.atomicslocks.examples.ch9.Ch9_03_CondvarSteps;
import dev.atomicslocks.examples.ch9.Ch9_05_RwLockSteps;
import dev.atomicslocks.examples.ch9.Ch9_06_RwLock;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Runs any program of the book by its id:
 *
 * <pre>{@code
 * java -p ... -m dev.atomicslocks.examples/dev.atomicslocks.examples.Examples ch2-05-fetch-add
 * mvn -q -pl examples -am verify -DskipTests -Dexample=ch2-05-fetch-add
 * }</pre>
 *
 * <p>The arguments after the id go to the program. With no id, or {@code list}, it lists
 * every program with its arguments and a one-line description; an unknown id is an error.
 * Exit status: 0 when the program ran to its end, 1 when it failed (a check of the book's
 * did not hold, or an exception escaped), 2 for an unknown id or unusable arguments.
 */
public final class Examples {

    /** The program ran to its end. */
    public static final int SUCCEEDED = 0;
    /** The program threw: one of its checks failed, or something went wrong. */
    public static final int FAILED = 1;
    /** The id or the arguments were not usable; nothing ran. */
    public static final int BAD_USAGE = 2;

    /** What a program does when run: read its arguments, print to the terminal. */
    @FunctionalInterface
    public interface Program {
        /** Runs the program to its end; an exception means it failed. */
        void run(Terminal terminal, Args args) throws Exception;
    }

    /**
     * One program of the book.
     *
     * @param id the book's id, such as {@code ch2-05-fetch-add}
     * @param parameters the names of its optional arguments, separated by spaces
     * @param description what it shows, in one line
     * @param program its entry point
     */
    public record Example(String id, String parameters, String description, Program program) {

        /** The names of the optional arguments, in order. */
        public List<String> parameterNames() {
            return parameters.isEmpty() ? List.of() : List.of(parameters.split(" "));
        }

        /** The id followed by its optional arguments in brackets. */
        public String usage() {
            StringBuilder usage = new StringBuilder(id);
            for (String name : parameterNames()) {
                usage.append(" [").append(name).append(']');
            }
            return usage.toString();
        }
    }

    /** Every program, in the book's order. Each id appears once. */
    private static final List<Example> EXAMPLES = List.of(
            new Example("ch1-01-hello", "",
                    "two threads print; main returns without waiting for them",
                    Ch1_01_Hello::run),
            new Example("ch1-02-hello-join", "",
                    "the same, joining both threads: every line is printed",
                    Ch1_02_HelloJoin::run),
            new Example("ch1-03-spawn-closure", "",
                    "a thread prints a list the main thread made",
                    Ch1_03_SpawnClosure::run),
            new Example("ch1-04-scoped-threads", "",
                    "two threads use a local list and are joined at the end of a scope",
                    Ch1_04_ScopedThreads::run),
            new Example("ch1-05-rc", "",
                    "two handles to one allocation, and a copy that is not",
                    Ch1_05_Rc::run),
            new Example("ch1-06-cell", "",
                    "a Cell: change a value through a shared handle by swapping it whole",
                    Ch1_06_Cell::run),
            new Example("ch1-07-refcell", "",
                    "a RefCell: change a list in place; Java's nearest run-time borrow check",
                    Ch1_07_RefCell::run),
            new Example("ch1-08-mutex", "",
                    "10 threads add 100 each under one lock: always 1000",
                    Ch1_08_Mutex::run),
            new Example("ch1-09-sleep-before-unlock", "speedup",
                    "sleeping with the lock held serialises the sleeps: about 10 s",
                    Ch1_09_SleepBeforeUnlock::run),
            new Example("ch1-10-unlock-before-sleep", "speedup",
                    "unlocking before the sleep lets the sleeps overlap: about 1 s",
                    Ch1_10_UnlockBeforeSleep::run),
            new Example("ch1-11-thread-parking", "items speedup",
                    "a consumer parks on an empty queue; the producer unparks it",
                    Ch1_11_ThreadParking::run),
            new Example("ch1-12-condvar", "items speedup",
                    "the same queue with a condition variable",
                    Ch1_12_Condvar::run),
            new Example("ch1-13-thread-result", "",
                    "a thread returns the average of a list to the thread that joins it",
                    Ch1_13_ThreadResult::run),
            new Example("ch1-14-thread-builder", "",
                    "a thread builder names the threads it starts",
                    Ch1_14_ThreadBuilder::run),
            new Example("ch1-15-static-and-leak", "",
                    "a static, and data that outlives the method that made it, with no leak",
                    Ch1_15_StaticAndLeak::run),
            new Example("ch1-16-lost-updates", "increments",
                    "the data race Rust refuses: a plain counter loses updates, an atomic none",
                    Ch1_16_LostUpdates::run),
            new Example("ch2-01-stop-flag", "",
                    "a background thread works until the user types stop",
                    Ch2_01_StopFlag::run),
            new Example("ch2-02-progress-reporting", "speedup",
                    "a worker counts 100 items; the main thread reports once a second",
                    Ch2_02_ProgressReporting::run),
            new Example("ch2-03-progress-reporting-unpark", "speedup",
                    "the same, with the worker unparking the main thread after each item",
                    Ch2_03_ProgressReportingUnpark::run),
            new Example("ch2-04-lazy-init", "speedup",
                    "a lazily computed value: once alone, possibly twice under a race",
                    Ch2_04_LazyInit::run),
            new Example("ch2-05-fetch-add", "",
                    "fetchAdd returns the old value (100); the new one is 123",
                    Ch2_05_FetchAdd::run),
            new Example("ch2-06-progress-reporting-multiple-threads", "speedup",
                    "four workers share one counter with fetchAdd",
                    Ch2_06_ProgressReportingMultipleThreads::run),
            new Example("ch2-07-statistics", "speedup",
                    "count, total and peak time per item with fetchAdd and fetchMax",
                    Ch2_07_Statistics::run),
            new Example("ch2-08-id-allocation", "remaining",
                    "a 32-bit id counter wraps to 0 after 2^32 ids",
                    Ch2_08_IdAllocation::run),
            new Example("ch2-09-id-allocation-panic", "remaining",
                    "a check after the increment does not stop the wrap",
                    Ch2_09_IdAllocationPanic::run),
            new Example("ch2-10-id-allocation-subtract-before-panic", "",
                    "subtracting again before failing keeps the counter at the limit",
                    Ch2_10_IdAllocationSubtractBeforePanic::run),
            new Example("ch2-11-increment-with-compare-exchange", "increments",
                    "an increment as a compare-exchange loop",
                    Ch2_11_IncrementWithCompareExchange::run),
            new Example("ch2-12-id-allocation-without-overflow", "",
                    "a compare-exchange loop that never passes the limit",
                    Ch2_12_IdAllocationWithoutOverflow::run),
            new Example("ch2-13-lazy-one-time-init", "",
                    "a random key generated once, even when threads race",
                    Ch2_13_LazyOneTimeInit::run),
            new Example("ch3-01-relaxed", "rounds",
                    "relaxed stores to two variables may be seen out of order",
                    Ch3_01_Relaxed::run),
            new Example("ch3-02-spawn-join", "",
                    "spawn and join order even relaxed accesses",
                    Ch3_02_SpawnJoin::run),
            new Example("ch3-03-total-modification-order", "rounds",
                    "one variable's values are seen in one order",
                    Ch3_03_TotalModificationOrder::run),
            new Example("ch3-04-total-modification-order-2", "rounds",
                    "the same with two writing threads: one order for all",
                    Ch3_04_TotalModificationOrder2::run),
            new Example("ch3-05-out-of-thin-air", "",
                    "values never come out of thin air",
                    Ch3_05_OutOfThinAir::run),
            new Example("ch3-06-release-acquire", "speedup",
                    "a release store and an acquire load pass a message",
                    Ch3_06_ReleaseAcquire::run),
            new Example("ch3-07-release-acquire-unsafe", "speedup",
                    "the same message in a plain field",
                    Ch3_07_ReleaseAcquireUnsafe::run),
            new Example("ch3-08-lock", "",
                    "a lock from compare-exchange (acquire) and a release store",
                    Ch3_08_Lock::run),
            new Example("ch3-09-lazy-init-box", "",
                    "lazy initialisation published through a reference",
                    Ch3_09_LazyInitBox::run),
            new Example("ch3-10-seqcst", "rounds",
                    "sequential consistency: at most one thread misses the other",
                    Ch3_10_SeqCst::run),
            new Example("ch3-11-fence", "speedup",
                    "one acquire fence for ten release stores",
                    Ch3_11_Fence::run),
            new Example("ch4-01-minimal-spin-lock", "increments",
                    "step 1: a minimal spin lock guards a counter of four threads",
                    Ch4_01_MinimalSpinLock::run),
            new Example("ch4-02-unchecked-spin-lock", "numbers",
                    "step 2: the lock owns a list and hands it out until unlock",
                    Ch4_02_UncheckedSpinLock::run),
            new Example("ch4-03-spin-lock-guard", "",
                    "step 3 and the book's test: a guard unlocks; [1, 2, 2] or [2, 2, 1]",
                    Ch4_03_SpinLockGuard::run),
            new Example("ch4-04-spin-lock", "",
                    "SpinLock: the book's test, a guard's misuse refused, tryLock",
                    Ch4_04_SpinLock::run),
            new Example("ch5-01-mutex-channel", "messages",
                    "step 1: a queue behind a lock, receivers waiting on a condition",
                    Ch5_01_MutexChannel::run),
            new Example("ch5-02-unchecked-one-shot", "",
                    "step 2 and the book's test: an unchecked one-shot channel",
                    Ch5_02_UncheckedOneShot::run),
            new Example("ch5-03-checked-one-shot", "",
                    "step 3: run-time checks refuse a second send or receive",
                    Ch5_03_CheckedOneShot::run),
            new Example("ch5-04-single-state-one-shot", "",
                    "step 3 again with one state atomic instead of two flags",
                    Ch5_04_SingleStateOneShot::run),
            new Example("ch5-05-typed-one-shot", "",
                    "step 4: a separate sender and receiver",
                    Ch5_05_TypedOneShot::run),
            new Example("ch5-06-borrowed-one-shot", "",
                    "step 5: one channel split again for each message",
                    Ch5_06_BorrowedOneShot::run),
            new Example("ch5-07-blocking-one-shot", "",
                    "step 6: the receiver sleeps until the sender wakes it",
                    Ch5_07_BlockingOneShot::run),
            new Example("ch5-08-one-shot", "",
                    "OneShot: the book's test, a sender that gives up, timeouts, misuse",
                    Ch5_08_OneShot::run),
            new Example("ch5-09-channel", "messages",
                    "Channel: three producers, three consumers, close and drain",
                    Ch5_09_Channel::run),
            new Example("ch6-01-basic-arc", "",
                    "step 1 and the book's test: two handles, the value dropped once",
                    Ch6_01_BasicArc::run),
            new Example("ch6-02-weak-arc", "",
                    "step 2 and the book's test: weak handles upgrade until the drop",
                    Ch6_02_WeakArc::run),
            new Example("ch6-03-optimized-arc", "",
                    "step 3: one implicit weak count; getMut checks uniqueness",
                    Ch6_03_OptimizedArc::run),
            new Example("ch6-04-arc", "",
                    "Arc and Weak: the book's test, misuse refused, waiting to be last",
                    Ch6_04_Arc::run),
            new Example("ch7-01-load-loop", "loads",
                    "a loop of relaxed loads, alone",
                    Ch7_01_LoadLoop::run),
            new Example("ch7-02-load-while-loading", "loads",
                    "the same while another thread loads the atomic",
                    Ch7_02_LoadWhileLoading::run),
            new Example("ch7-03-load-while-storing", "loads writer",
                    "the same while another thread stores or compare-exchanges it",
                    Ch7_03_LoadWhileStoring::run),
            new Example("ch7-04-false-sharing", "loads layout",
                    "three atomics in one cache line against three apart",
                    Ch7_04_FalseSharing::run),
            new Example("ch7-05-relaxed-lock", "increments",
                    "a lock with relaxed orderings beside a correct one",
                    Ch7_05_RelaxedLock::run),
            new Example("ch8-01-futex", "speedup",
                    "a thread sleeps in the Linux futex system call until woken",
                    Ch8_01_Futex::run),
            new Example("ch8-02-futex-shared", "role file",
                    "the futex between two processes that map one file",
                    Ch8_02_FutexShared::run),
            new Example("ch9-01-mutex-uncontended", "iterations",
                    "the book's timing: 5,000,000 lock/unlock on one thread, per mutex",
                    Ch9_01_MutexUncontended::run),
            new Example("ch9-02-mutex-contended", "iterations",
                    "the same on four threads at once",
                    Ch9_02_MutexContended::run),
            new Example("ch9-03-condvar-steps", "speedup",
                    "the book's condvar test on both steps: the waiter sleeps, not spins",
                    Ch9_03_CondvarSteps::run),
            new Example("ch9-05-rwlock-steps", "increments",
                    "the reader-writer lock steps: readers share, writers exclude",
                    Ch9_05_RwLockSteps::run),
            new Example("ch9-06-rwlock", "",
                    "RwLock: a waiting writer keeps new readers out; the ReadWriteLock view",
                    Ch9_06_RwLock::run));

    private Examples() {
    }

    /** Every program, in the book's order. */
    public static List<Example> all() {
        return EXAMPLES;
    }

    /** The program with this id, if there is one. */
    public static Optional<Example> find(String id) {
        return EXAMPLES.stream().filter(example -> example.id().equals(id)).findFirst();
    }

    /** Runs the program named by the first argument; exits with its status when not 0. */
    public static void main(String[] args) {
        int status = run(Arrays.asList(args), Terminal.system());
        if (status != SUCCEEDED) {
            System.exit(status);
        }
    }

    /**
     * Runs the program named by {@code args.get(0)}, passing it the rest of {@code args}, or
     * lists the programs when there is no id or it is {@code list}.
     *
     * @return the exit status: {@link #SUCCEEDED}, {@link #FAILED} or {@link #BAD_USAGE}
     */
    public static int run(List<String> args, Terminal terminal) {
        if (args.isEmpty() || args.get(0).equals("list")) {
            printList(terminal.out());
            return SUCCEEDED;
        }
        String id = args.get(0);
        Optional<Example> found = find(id);
        if (found.isEmpty()) {
            terminal.err().println("There is no program \"" + id + "\". The programs are:");
            printList(terminal.err());
            return BAD_USAGE;
        }
        return run(found.get(), args.subList(1, args.size()), terminal);
    }

    /**
     * Runs {@code example} with {@code arguments}, reporting a failure or unusable arguments on
     * {@code terminal}'s error stream.
     *
     * @return the exit status: {@link #SUCCEEDED}, {@link #FAILED} or {@link #BAD_USAGE}
     */
    static int run(Example example, List<String> arguments, Terminal terminal) {
        PrintStream err = terminal.err();
        try {
            example.program().run(terminal, new Args(example.parameterNames(), arguments));
            return SUCCEEDED;
        } catch (UsageException e) {
            err.println(example.id() + ": " + e.getMessage());
            err.println("usage: " + example.usage());
            return BAD_USAGE;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            err.println(example.id() + " failed: " + e);
            e.printStackTrace(err);
            return FAILED;
        }
    }

    private static void printList(PrintStream out) {
        int width = 0;
        for (Example example : EXAMPLES) {
            width = Math.max(width, example.usage().length());
        }
        out.println("The programs of Rust Atomics and Locks, by id:");
        String chapter = "";
        for (Example example : EXAMPLES) {
            String prefix = example.id().substring(0, example.id().indexOf('-'));
            if (!prefix.equals(chapter)) {
                chapter = prefix;
                out.println();
                out.println("Chapter " + chapter.substring("ch".length()));
            }
            out.printf("  %-" + width + "s  %s%n", example.usage(), example.description());
        }
        out.println();
        out.println("Run one with its id and its arguments, all optional:");
        out.println("  mvn -q -pl examples -am verify -DskipTests -Dexample=ID -Dargs=\"ARGS\"");
        out.println("Speedup divides every sleep, so that 10 runs the program ten times faster.");
    }
}
