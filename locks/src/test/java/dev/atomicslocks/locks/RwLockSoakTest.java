package dev.atomicslocks.locks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A soak test: platform and virtual threads run a random mix of every read and write form
 * (blocking, try, timed, interruptible) on one lock for a while, another thread interrupts
 * them at random, and in the end the count of writes matches the counters exactly, no reader
 * saw half a write or a count go back, and no thread stalled.
 *
 * <p>It runs for {@value #DEFAULT_SECONDS} seconds per lock unless the system property
 * {@value #SECONDS_PROPERTY} says otherwise, as in
 * {@code mvn -pl locks -am verify -Dtest=RwLockSoakTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Ddev.atomicslocks.locks.soak.seconds=600} (at most {@value #MAX_SECONDS}). A watchdog fails
 * the test, with every worker's stack, as soon as one worker has made no progress for
 * {@value #STALL_SECONDS} seconds.
 */
final class RwLockSoakTest {

    static final String SECONDS_PROPERTY = "dev.atomicslocks.locks.soak.seconds";
    private static final int DEFAULT_SECONDS = 2;
    /** The test's own timeout is a little above this. */
    private static final int MAX_SECONDS = 4 * 60 * 60;
    private static final int STALL_SECONDS = 30;
    private static final long WATCHDOG_PERIOD_MILLIS = 100;
    private static final int PLATFORM_WORKERS = 8;
    private static final int VIRTUAL_WORKERS = 32;
    /** Pause of the interrupter between two interrupts. */
    private static final long INTERRUPT_PERIOD_NANOS = 200_000;
    /** Timeout of the timed forms: long enough to succeed often, short enough to run out. */
    private static final Duration TIMED = Duration.ofNanos(300_000);

    static Stream<Named<Supplier<RwLockSubject.Timed>>> locks() {
        return RwLockSubject.timed();
    }

    /** The data the lock guards: two counters a write increments together. */
    private static final class Pair {
        int first;
        int second;
    }

    /** One worker's thread, its tallies and its progress, which the watchdog reads. */
    private static final class Worker {
        final AtomicLong operations = new AtomicLong();
        long reads;
        long writes;
        long refused;
        long timedOut;
        long interrupted;
        long anomalies;
        int lastSeen;
        @Nullable Thread thread;
    }

    // Many threads, every form, random interrupts: exact totals, no torn read, no stall.
    @ParameterizedTest
    @MethodSource("locks")
    @Timeout(value = MAX_SECONDS + 10 * 60, unit = TimeUnit.SECONDS)
    void mixedLoad_withInterrupts_keepsExactTotalsAndNeverStalls(
            Supplier<RwLockSubject.Timed> factory) throws Exception {
        RwLockSubject.Timed lock = factory.get();
        Pair pair = new Pair();
        AtomicBoolean stop = new AtomicBoolean();
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < PLATFORM_WORKERS + VIRTUAL_WORKERS; i++) {
            Worker worker = new Worker();
            Runnable body = () -> work(lock, pair, worker, stop, new SplittableRandom());
            worker.thread = i < PLATFORM_WORKERS
                    ? Thread.ofPlatform().daemon().name("soak-" + i).start(body)
                    : Thread.ofVirtual().name("soak-" + i).start(body);
            workers.add(worker);
        }
        Thread interrupter = Thread.ofPlatform().daemon().name("soak-interrupter")
                .start(() -> interruptAtRandom(workers, stop));

        String stall = watch(workers, seconds());
        stop.set(true);
        interrupter.join();
        // A stalled worker will not stop: fail at once, leaving the daemon threads behind.
        assertThat(stall).as("a stalled worker; stacks:%n%s", stall).isNull();
        long joinDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STALL_SECONDS);
        for (Worker worker : workers) {
            long left = Math.max(1, joinDeadline - System.nanoTime());
            thread(worker).join(Duration.ofNanos(left));
        }
        for (Worker worker : workers) {
            assertThat(thread(worker).isAlive()).as("%s still running after the stop; stacks:%n%s",
                    thread(worker), dump(workers)).isFalse();
        }

        long reads = workers.stream().mapToLong(w -> w.reads).sum();
        long writes = workers.stream().mapToLong(w -> w.writes).sum();
        long anomalies = workers.stream().mapToLong(w -> w.anomalies).sum();
        assertThat(anomalies).as("torn or backward reads").isZero();
        String tally = String.format("%d reads, %d writes; %d refused, %d timed out,"
                + " %d interrupted", reads, writes,
                workers.stream().mapToLong(w -> w.refused).sum(),
                workers.stream().mapToLong(w -> w.timedOut).sum(),
                workers.stream().mapToLong(w -> w.interrupted).sum());
        assertThat(reads).as("reads done: %s", tally).isPositive();
        assertThat(writes).as("writes done: %s", tally).isPositive();
        lock.read(() -> {
            assertThat((long) pair.first).as("first counter, against the writes").isEqualTo(writes);
            assertThat((long) pair.second).as("second counter").isEqualTo(writes);
        });
        assertThat(lock.tryWrite()).as("the lock is free at the end").isTrue();
    }

    private static void work(RwLockSubject.Timed lock, Pair pair, Worker worker,
            AtomicBoolean stop, SplittableRandom random) {
        Runnable read = () -> {
            int first = pair.first;
            int second = pair.second;
            if (first != second || first < worker.lastSeen) {
                worker.anomalies++;
            }
            worker.lastSeen = first;
        };
        Runnable write = () -> {
            pair.first++;
            pair.second++;
        };
        while (!stop.get()) {
            try {
                runOne(lock, worker, random.nextInt(100), read, write);
            } catch (InterruptedException e) {
                worker.interrupted++;
            }
            // Clear an interrupt that arrived during an uninterruptible form or between two.
            Thread.interrupted();
            worker.operations.incrementAndGet();
        }
    }

    /** One operation, chosen by {@code dice} (0 to 99): 63% reads, 37% writes. */
    private static void runOne(RwLockSubject.Timed lock, Worker worker, int dice, Runnable read,
            Runnable write) throws InterruptedException {
        if (dice < 40) {
            lock.read(read);
            worker.reads++;
        } else if (dice < 50) {
            tally(worker, lock.tryRead(read), false, true);
        } else if (dice < 58) {
            tally(worker, lock.tryRead(TIMED, read), true, true);
        } else if (dice < 63) {
            lock.readInterruptibly(read);
            worker.reads++;
        } else if (dice < 78) {
            lock.write(write);
            worker.writes++;
        } else if (dice < 85) {
            tally(worker, lock.tryWrite(write), false, false);
        } else if (dice < 93) {
            tally(worker, lock.tryWrite(TIMED, write), true, false);
        } else {
            lock.writeInterruptibly(write);
            worker.writes++;
        }
    }

    private static void tally(Worker worker, boolean taken, boolean timed, boolean reader) {
        if (taken && reader) {
            worker.reads++;
        } else if (taken) {
            worker.writes++;
        } else if (timed) {
            worker.timedOut++;
        } else {
            worker.refused++;
        }
    }

    private static void interruptAtRandom(List<Worker> workers, AtomicBoolean stop) {
        SplittableRandom random = new SplittableRandom();
        while (!stop.get()) {
            thread(workers.get(random.nextInt(workers.size()))).interrupt();
            LockSupport.parkNanos(INTERRUPT_PERIOD_NANOS);
        }
    }

    /**
     * Watches the workers for {@code seconds}; returns null, or the stacks of all workers as
     * soon as one of them has not moved for {@link #STALL_SECONDS}.
     */
    private static @Nullable String watch(List<Worker> workers, int seconds)
            throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long[] seen = new long[workers.size()];
        long[] movedAt = new long[workers.size()];
        Arrays.fill(movedAt, System.nanoTime());
        while (System.nanoTime() - end < 0) {
            Thread.sleep(WATCHDOG_PERIOD_MILLIS);
            long now = System.nanoTime();
            for (int i = 0; i < workers.size(); i++) {
                long operations = workers.get(i).operations.get();
                if (operations != seen[i]) {
                    seen[i] = operations;
                    movedAt[i] = now;
                } else if (now - movedAt[i] > TimeUnit.SECONDS.toNanos(STALL_SECONDS)) {
                    String stacks = dump(workers);
                    System.err.println("RwLockSoakTest: " + thread(workers.get(i))
                            + " made no progress for " + STALL_SECONDS + " s\n" + stacks);
                    return stacks;
                }
            }
        }
        return null;
    }

    /** Every worker's stack, virtual ones included, and every other platform thread's. */
    private static String dump(List<Worker> workers) {
        StringBuilder text = new StringBuilder();
        for (Worker worker : workers) {
            appendStack(text, thread(worker), thread(worker).getStackTrace());
        }
        for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces()
                .entrySet()) {
            if (!entry.getKey().getName().startsWith("soak-")) {
                appendStack(text, entry.getKey(), entry.getValue());
            }
        }
        return text.toString();
    }

    private static void appendStack(StringBuilder text, Thread thread,
            StackTraceElement[] stack) {
        text.append('"').append(thread.getName()).append("\" ").append(thread.getState())
                .append('\n');
        for (StackTraceElement frame : stack) {
            text.append("    at ").append(frame).append('\n');
        }
    }

    private static Thread thread(Worker worker) {
        Thread thread = worker.thread;
        if (thread == null) {
            throw new IllegalStateException("worker not started");
        }
        return thread;
    }

    private static int seconds() {
        int seconds = Integer.getInteger(SECONDS_PROPERTY, DEFAULT_SECONDS);
        if (seconds < 1 || seconds > MAX_SECONDS) {
            throw new IllegalArgumentException(SECONDS_PROPERTY + " must be 1 to " + MAX_SECONDS
                    + ", not " + seconds);
        }
        return seconds;
    }
}
