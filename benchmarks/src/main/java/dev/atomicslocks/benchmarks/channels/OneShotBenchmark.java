package dev.atomicslocks.benchmarks.channels;

import dev.atomicslocks.channels.OneShot;
import dev.atomicslocks.channels.Received;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Control;

/**
 * What does it cost to hand one reply from one thread to another that waits for it, through a
 * fresh {@code OneShot}, against a fresh {@code CompletableFuture} and a
 * {@code SynchronousQueue}, in the same run? And, on one thread, what do creating, completing
 * and reading a {@code OneShot} and a {@code CompletableFuture} cost?
 *
 * <ul>
 *   <li>{@code oneShot}, {@code completableFuture}, {@code synchronousQueue}: a group of a
 *       client and a server. The client creates the reply channel (the one-shot, the future;
 *       the synchronous queue is shared), hands its sending end to the server through one
 *       shared slot, and waits for the reply; the server takes what the slot holds and sends
 *       the reply. The client's score is one request-reply round; the slot is the same for
 *       all three, so the difference between them is the reply channel.
 *   <li>{@code sameThread_*}: create, send and receive on one thread, nobody waiting.
 * </ul>
 *
 * <p>Every wait is the timed form with a {@value #TIMEOUT_MILLIS} ms timeout, so that a client
 * left waiting at the end of an iteration notices that its server has stopped; the timeout is
 * only reached then. The server spins on the slot, so the client's wait is short: this
 * measures a hand-off to a thread that is about to get its answer, where a brief spin before
 * sleeping pays off. {@code CompletableFuture} does not spin; it parks at once.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx512m",
        "--sun-misc-unsafe-memory-access=allow"})
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
public class OneShotBenchmark {

    /** How long a client waits before it checks whether the run ended. */
    static final int TIMEOUT_MILLIS = 10;
    static final Duration TIMEOUT = Duration.ofMillis(TIMEOUT_MILLIS);

    // ---- one-shot

    @Benchmark
    @Group("oneShot")
    @GroupThreads(1)
    public @Nullable Integer oneShot_client(Exchange exchange, Control control)
            throws InterruptedException {
        OneShot<Integer> reply = OneShot.create();
        exchange.slot.setRelease(reply.sender());
        while (true) {
            Received<Integer> received = reply.receiver().tryReceive(TIMEOUT);
            if (received instanceof Received.Message<Integer>(Integer value)) {
                return value;
            }
            if (control.stopMeasurement) {
                return null;
            }
        }
    }

    @Benchmark
    @Group("oneShot")
    @GroupThreads(1)
    @SuppressWarnings("unchecked") // the oneShot client puts only senders of Integer there
    public boolean oneShot_server(Exchange exchange, Control control) {
        Object request = exchange.take(control);
        return request != null && ((OneShot.Sender<Integer>) request).send(exchange.answer);
    }

    // ---- CompletableFuture

    @Benchmark
    @Group("completableFuture")
    @GroupThreads(1)
    public @Nullable Integer completableFuture_client(Exchange exchange, Control control)
            throws InterruptedException, ExecutionException {
        CompletableFuture<Integer> reply = new CompletableFuture<>();
        exchange.slot.setRelease(reply);
        while (true) {
            try {
                return reply.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (control.stopMeasurement) {
                    return null;
                }
            }
        }
    }

    @Benchmark
    @Group("completableFuture")
    @GroupThreads(1)
    @SuppressWarnings("unchecked") // the completableFuture client puts only futures there
    public boolean completableFuture_server(Exchange exchange, Control control) {
        Object request = exchange.take(control);
        return request != null && ((CompletableFuture<Integer>) request).complete(exchange.answer);
    }

    // ---- SynchronousQueue

    @Benchmark
    @Group("synchronousQueue")
    @GroupThreads(1)
    public @Nullable Integer synchronousQueue_client(Exchange exchange, Control control)
            throws InterruptedException {
        exchange.slot.setRelease(exchange.synchronousQueue);
        while (true) {
            Integer value = exchange.synchronousQueue.poll(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            if (value != null || control.stopMeasurement) {
                return value;
            }
        }
    }

    @Benchmark
    @Group("synchronousQueue")
    @GroupThreads(1)
    @SuppressWarnings("unchecked") // the synchronousQueue client puts only its queue there
    public boolean synchronousQueue_server(Exchange exchange, Control control)
            throws InterruptedException {
        Object request = exchange.take(control);
        if (request == null) {
            return false;
        }
        SynchronousQueue<Integer> queue = (SynchronousQueue<Integer>) request;
        while (!queue.offer(exchange.answer, TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
            if (control.stopMeasurement) {
                return false;
            }
        }
        return true;
    }

    // ---- one thread

    @Benchmark
    public Received<Integer> sameThread_oneShot(Answer answer) {
        OneShot<Integer> reply = OneShot.create();
        reply.sender().send(answer.value);
        return reply.receiver().tryReceive();
    }

    @Benchmark
    public @Nullable Integer sameThread_completableFuture(Answer answer) {
        CompletableFuture<Integer> reply = new CompletableFuture<>();
        reply.complete(answer.value);
        return reply.getNow(null);
    }

    /** The slot through which a client hands its reply channel to the server. */
    @State(Scope.Group)
    public static class Exchange {
        final AtomicReference<@Nullable Object> slot = new AtomicReference<>();
        final SynchronousQueue<Integer> synchronousQueue = new SynchronousQueue<>();
        /** The reply; a field, so that nothing folds it. */
        Integer answer = 42;

        /** Spins until the slot holds a request and takes it; null if the run ended first. */
        @Nullable Object take(Control control) {
            while (true) {
                Object request = slot.getAcquire();
                if (request != null && slot.compareAndSet(request, null)) {
                    return request;
                }
                if (control.stopMeasurement) {
                    return null;
                }
                Thread.onSpinWait();
            }
        }
    }

    /** The value sent on one thread. */
    @State(Scope.Thread)
    public static class Answer {
        Integer value = 42;
    }
}
