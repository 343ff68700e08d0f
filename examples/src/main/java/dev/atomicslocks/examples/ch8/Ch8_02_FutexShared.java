package dev.atomicslocks.examples.ch8;

import static dev.atomicslocks.basics.Ordering.ACQUIRE;
import static dev.atomicslocks.basics.Ordering.RELEASE;

import dev.atomicslocks.examples.Args;
import dev.atomicslocks.examples.Check;
import dev.atomicslocks.examples.Terminal;
import dev.atomicslocks.examples.UsageException;
import dev.atomicslocks.oswait.FutexWord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * From the book's text (chapter 8, "Futex"): a futex is a word in memory, and a word in a
 * file that two processes map is one both can wait on and wake. This program is ch8-01 across
 * two processes: one waits on the first word of a small file, the other stores 1 there and
 * wakes it.
 *
 * <p>What to see: with no arguments the program starts a second JVM that waits, and relays
 * its output: {@code [waiting process] Waiting...}, then, a second after it is ready, this
 * process wakes it and it prints {@code [waiting process] Done!}. Or run the two halves in
 * two terminals: {@code wait FILE} in one, then {@code wake FILE} in the other.
 *
 * <p>Arguments: {@code role}, one of {@code both} (the default), {@code wait} and
 * {@code wake}; and {@code file}, the file holding the word (created if missing; a new
 * temporary file by default for {@code both}).
 *
 * <p>Where Java differs: the book's futexes are private to one process. A word shared between
 * processes needs the shared form of the system call, which {@link FutexWord#shared} selects,
 * and memory that both map: here {@link FileChannel#map} into a {@link MemorySegment}.
 */
public final class Ch8_02_FutexShared {

    static final List<String> ROLES = List.of("both", "wait", "wake");
    /** The word the waiter sleeps on, and a word in which it says it is about to. */
    static final long FILE_BYTES = 2 * Integer.BYTES;
    static final Duration PAUSE = Duration.ofSeconds(1);
    /** How long the waking side waits for the other JVM to start and finish; chosen. */
    static final Duration CHILD_LIMIT = Duration.ofSeconds(60);
    static final String RELAY_PREFIX = "[waiting process] ";

    private Ch8_02_FutexShared() {
    }

    /** Runs the program; the arguments are {@code [role] [file]}. */
    public static void run(Terminal terminal, Args args) throws Exception {
        String role = args.text("role", "both", ROLES);
        String file = args.text("file", "", List.of());
        if (!role.equals("both") && file.isEmpty()) {
            throw new UsageException(
                    "the " + role + " role needs the file that holds the word");
        }
        PrintStream out = terminal.out();
        switch (role) {
            case "wait" -> waitOn(Path.of(file), out);
            case "wake" -> wake(Path.of(file), out);
            default -> both(file.isEmpty() ? null : Path.of(file), out);
        }
    }

    /** Sleeps until another process stores a non-zero value in the word and wakes it. */
    private static void waitOn(Path file, PrintStream out) throws IOException {
        try (Arena arena = Arena.ofConfined(); FileChannel channel = open(file)) {
            MemorySegment memory = channel.map(FileChannel.MapMode.READ_WRITE, 0, FILE_BYTES,
                    arena);
            FutexWord word = FutexWord.shared(memory, 0);
            FutexWord ready = FutexWord.shared(memory, Integer.BYTES);

            out.println("Waiting...");
            out.flush();
            while (word.load(ACQUIRE) == 0) {
                ready.store(1, RELEASE);
                word.futexWait(0);
            }
            out.println("Done!");
        }
    }

    /** Stores 1 in the word and wakes a process waiting on it; reports how many woke. */
    private static void wake(Path file, PrintStream out) throws IOException {
        try (Arena arena = Arena.ofConfined(); FileChannel channel = open(file)) {
            MemorySegment memory = channel.map(FileChannel.MapMode.READ_WRITE, 0, FILE_BYTES,
                    arena);
            FutexWord word = FutexWord.shared(memory, 0);
            word.store(1, RELEASE);
            int woken = word.wakeOne();
            out.println("stored 1 and woke " + woken + (woken == 1 ? " waiter" : " waiters"));
        }
    }

    /** Starts a JVM that waits, waits until it is ready, wakes it and relays its output. */
    private static void both(@Nullable Path given, PrintStream out) throws Exception {
        Path file = given != null ? given : Files.createTempFile("ch8-02-futex-shared", ".word");
        try {
            Files.write(file, new byte[(int) FILE_BYTES]); // both words 0
            Process child = startWaiter(file);
            try (BufferedReader childOut = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                relayUntilWaiting(childOut, out);
                awaitReady(file);
                Thread.sleep(PAUSE);
                wake(file, out);
                childOut.lines().forEach(line -> out.println(RELAY_PREFIX + line));
            } finally {
                finish(child);
            }
        } finally {
            if (given == null) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static void relayUntilWaiting(BufferedReader childOut, PrintStream out)
            throws IOException {
        String line = childOut.readLine();
        while (line != null) {
            out.println(RELAY_PREFIX + line);
            if (line.equals("Waiting...")) {
                return;
            }
            line = childOut.readLine();
        }
        throw new IllegalStateException("the waiting process ended before it waited");
    }

    /** Polls the ready word: the waiter sets it just before its first futex wait. */
    private static void awaitReady(Path file) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + CHILD_LIMIT.toNanos();
        try (Arena arena = Arena.ofConfined(); FileChannel channel = open(file)) {
            MemorySegment memory = channel.map(FileChannel.MapMode.READ_WRITE, 0, FILE_BYTES,
                    arena);
            FutexWord ready = FutexWord.shared(memory, Integer.BYTES);
            while (ready.load(ACQUIRE) == 0) {
                Check.that(deadline - System.nanoTime() > 0,
                        "the waiting process got ready within " + CHILD_LIMIT);
                Thread.sleep(10);
            }
        }
    }

    private static void finish(Process child) throws InterruptedException {
        if (!child.waitFor(CHILD_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
            child.destroyForcibly();
            throw new IllegalStateException("the waiting process did not end within "
                    + CHILD_LIMIT + ", so it was killed");
        }
        Check.equal(child.exitValue(), 0, "the waiting process's exit status");
    }

    private static FileChannel open(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
    }

    /** This JVM's launcher, module path or class path, running the {@code wait} role. */
    private static Process startWaiter(Path file) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow(
                () -> new IllegalStateException("cannot tell which java runs this program"));
        List<String> command = new ArrayList<>(List.of(java));
        String modulePath = System.getProperty("jdk.module.path", "");
        if (modulePath.isEmpty()) {
            command.addAll(List.of("--enable-native-access=ALL-UNNAMED",
                    "-cp", System.getProperty("java.class.path"),
                    "dev.atomicslocks.examples.Examples"));
        } else {
            command.addAll(List.of("--enable-native-access=dev.atomicslocks.oswait",
                    "--module-path", modulePath,
                    "--module", "dev.atomicslocks.examples/dev.atomicslocks.examples.Examples"));
        }
        command.addAll(List.of("ch8-02-futex-shared", "wait", file.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }
}
