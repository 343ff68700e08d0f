package dev.atomicslocks.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The public OneShot beyond the shared contract: closing either end, the try, timed and
 * interruptible forms, misuse of each end, and virtual threads.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
final class OneShotTest {

    /** How many times a waiting thread's state is sampled; each sample is 1 ms apart. */
    private static final int STATE_SAMPLES = 20;
    /** Receivers in the virtual-thread test, each on its own channel. */
    private static final int VIRTUAL_RECEIVERS = 10_000;

    // A receiver waiting when the sender is closed without sending returns Closed at once.
    @Test
    void receive_whenSenderClosesWhileWaiting_returnsClosed() throws Exception {
        OneShot<String> channel = OneShot.create();
        CompletableFuture<Received<String>> result = new CompletableFuture<>();
        Thread receiver = Thread.ofPlatform().start(
                () -> result.complete(channel.receiver().receive()));
        awaitWaiting(receiver);

        channel.sender().close();

        assertThat(result.get()).isEqualTo(Received.closed());
        receiver.join();
    }

    // After the sender closed, every form of receive returns Closed, once; then it is used up.
    @Test
    void receiveForms_afterSenderClosed_returnClosedOnce() throws Exception {
        for (int form = 0; form < 4; form++) {
            OneShot<String> channel = OneShot.create();
            channel.sender().close();
            assertThat(channel.receiver().isReady()).as("ready, form %d", form).isTrue();

            Received<String> result = switch (form) {
                case 0 -> channel.receiver().receive();
                case 1 -> channel.receiver().receiveInterruptibly();
                case 2 -> channel.receiver().tryReceive();
                default -> channel.receiver().tryReceive(Duration.ofSeconds(1));
            };

            assertThat(result).as("form %d", form).isInstanceOf(Received.Closed.class);
            assertThatThrownBy(channel.receiver()::tryReceive)
                    .as("form %d, again", form).isInstanceOf(IllegalStateException.class);
        }
    }

    // A send to a closed receiver returns false: the message was not taken, and the sender is
    // used up.
    @Test
    void send_afterReceiverClosed_returnsFalseAndUsesTheSenderUp() {
        OneShot<String> channel = OneShot.create();
        channel.receiver().close();

        assertThat(channel.sender().send("unwanted")).isFalse();

        assertThat(channel).hasToString("OneShot[done]");
        assertThatThrownBy(() -> channel.sender().send("again"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already used");
        assertThatThrownBy(channel.receiver()::tryReceive)
                .isInstanceOf(IllegalStateException.class);
    }

    // A send after the sender was closed throws, and the receiver still sees only the close.
    @Test
    void send_afterSenderClosed_throwsAndTheReceiverSeesTheClose() {
        OneShot<String> channel = OneShot.create();
        channel.sender().close();

        assertThatThrownBy(() -> channel.sender().send("late"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot send on a OneShot sender that was already used: it has sent"
                        + " its message or was closed");

        assertThat(channel.receiver().tryReceive()).isEqualTo(Received.closed());
    }

    // Closing either end twice, or after it did its work, changes nothing.
    @Test
    void close_twiceOrAfterUse_isHarmless() {
        OneShot<String> channel = OneShot.create();
        try (var sender = channel.sender()) {
            assertThat(sender.send("kept")).isTrue();
        }
        channel.sender().close();
        assertThat(channel).hasToString("OneShot[message waiting]");

        try (var receiver = channel.receiver()) {
            assertThat(receiver.receive()).isEqualTo(new Received.Message<>("kept"));
        }
        channel.receiver().close();
        assertThat(channel).hasToString("OneShot[done]");
    }

    // Closing the receiver with a message waiting drops the message; the receiver is used up.
    @Test
    void receiverClose_withAMessageWaiting_dropsIt() {
        OneShot<String> channel = OneShot.create();
        channel.sender().send("dropped");

        channel.receiver().close();

        assertThat(channel).hasToString("OneShot[done]");
        assertThat(channel.receiver().isReady()).isFalse();
        assertThatThrownBy(channel.receiver()::receive)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already used");
    }

    // The try form finds nothing before the send, and does not use the receiver up.
    @Test
    void tryReceive_beforeSend_returnsEmptyAndTheReceiverStillReceives() {
        OneShot<String> channel = OneShot.create();

        assertThat(channel.receiver().tryReceive()).isEqualTo(Received.empty());
        assertThat(channel.receiver().isReady()).isFalse();

        channel.sender().send("later");
        assertThat(channel.receiver().tryReceive()).isEqualTo(new Received.Message<>("later"));
    }

    // Zero and negative timeouts try once: Empty before the send, the message after it.
    @Test
    void tryReceiveWithTimeout_zeroOrNegative_triesOnce() throws Exception {
        for (Duration timeout : List.of(Duration.ZERO, Duration.ofNanos(-1),
                Duration.ofSeconds(Long.MIN_VALUE))) {
            OneShot<Integer> channel = OneShot.create();
            assertThat(channel.receiver().tryReceive(timeout))
                    .as("before the send, timeout %s", timeout).isEqualTo(Received.empty());

            channel.sender().send(1);

            assertThat(channel.receiver().tryReceive(timeout))
                    .as("after the send, timeout %s", timeout)
                    .isEqualTo(new Received.Message<>(1));
        }
    }

    // A timed receive that runs out returns Empty, and the receiver still gets a later message.
    @Test
    void tryReceiveWithTimeout_whenItRunsOut_returnsEmptyAndTheReceiverStillReceives()
            throws Exception {
        OneShot<String> channel = OneShot.create();

        assertThat(channel.receiver().tryReceive(Duration.ofMillis(20)))
                .isEqualTo(Received.empty());

        Thread sender = Thread.ofPlatform().start(() -> channel.sender().send("after"));
        assertThat(channel.receiver().receive()).isEqualTo(new Received.Message<>("after"));
        sender.join();
    }

    // The longest timeouts neither overflow nor fail: the wait ends with the message.
    @Test
    void tryReceiveWithTimeout_huge_doesNotOverflowAndReceivesTheMessage() throws Exception {
        for (Duration timeout : List.of(Duration.ofNanos(Long.MAX_VALUE),
                Duration.ofSeconds(Long.MAX_VALUE))) {
            OneShot<String> channel = OneShot.create();
            CompletableFuture<Received<String>> result = new CompletableFuture<>();
            Thread receiver = Thread.ofPlatform().start(() -> {
                try {
                    result.complete(channel.receiver().tryReceive(timeout));
                } catch (InterruptedException e) {
                    result.completeExceptionally(e);
                }
            });
            awaitWaiting(receiver);

            channel.sender().send("in time");

            assertThat(result.get()).as("timeout %s", timeout)
                    .isEqualTo(new Received.Message<>("in time"));
            receiver.join();
        }
    }

    // An interrupt before an interruptible receive throws at once, clears the status and
    // leaves the receiver usable.
    @Test
    void interruptibleForms_whenAlreadyInterrupted_throwAndLeaveTheReceiverUsable() {
        OneShot<String> channel = OneShot.create();
        channel.sender().send("still there");

        Thread.currentThread().interrupt();
        assertThatThrownBy(channel.receiver()::receiveInterruptibly)
                .isInstanceOf(InterruptedException.class);
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> channel.receiver().tryReceive(Duration.ofSeconds(1)))
                .isInstanceOf(InterruptedException.class);

        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(channel.receiver().receive()).isEqualTo(new Received.Message<>("still there"));
    }

    // An interrupt while waiting in receiveInterruptibly throws, clears the status, and the
    // receiver still gets the message sent afterwards.
    @Test
    void receiveInterruptibly_whenInterruptedWhileWaiting_throwsAndTheReceiverStillReceives()
            throws Exception {
        OneShot<String> channel = OneShot.create();
        CompletableFuture<Boolean> statusAfterThrow = new CompletableFuture<>();
        Thread receiver = Thread.ofPlatform().start(() -> {
            try {
                Received<String> result = channel.receiver().receiveInterruptibly();
                statusAfterThrow.completeExceptionally(new AssertionError("got " + result));
            } catch (InterruptedException e) {
                statusAfterThrow.complete(Thread.currentThread().isInterrupted());
            }
        });
        awaitWaiting(receiver);

        receiver.interrupt();

        assertThat(statusAfterThrow.get()).as("interrupt status after the throw").isFalse();
        receiver.join();
        channel.sender().send("afterwards");
        assertThat(channel.receiver().tryReceive())
                .isEqualTo(new Received.Message<>("afterwards"));
    }

    // An interrupt neither ends the uninterruptible receive nor makes it spin; the message
    // arrives and the status is still set.
    @Test
    void receive_whenInterruptedWhileWaiting_keepsWaitingAndKeepsTheStatus() throws Exception {
        OneShot<String> channel = OneShot.create();
        CompletableFuture<Boolean> statusOnReturn = new CompletableFuture<>();
        CompletableFuture<Received<String>> result = new CompletableFuture<>();
        Thread receiver = Thread.ofPlatform().start(() -> {
            result.complete(channel.receiver().receive());
            statusOnReturn.complete(Thread.currentThread().isInterrupted());
        });
        awaitWaiting(receiver);

        receiver.interrupt();
        // The receiver wakes once, clears its status to sleep again, and must then stay asleep.
        while (receiver.isInterrupted()) {
            Thread.sleep(1);
        }
        awaitWaiting(receiver);
        for (int i = 0; i < STATE_SAMPLES; i++) {
            assertThat(receiver.getState()).as("sample %d after the interrupt", i)
                    .isEqualTo(Thread.State.WAITING);
            Thread.sleep(1);
        }

        channel.sender().send("despite it");
        assertThat(result.get()).isEqualTo(new Received.Message<>("despite it"));
        assertThat(statusOnReturn.get()).as("interrupt status on return").isTrue();
        receiver.join();
    }

    // Two threads misusing one receiver at once: exactly one gets the message, the other an
    // exception, and the message is not handed out twice.
    @Test
    void receive_fromTwoThreadsAtOnce_deliversOnceAndRejectsTheOther() throws Exception {
        OneShot<String> channel = OneShot.create();
        List<Future<Received<String>>> attempts = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            for (int i = 0; i < 2; i++) {
                attempts.add(threads.submit(() -> channel.receiver().receive()));
            }
            // Give both a moment to start waiting; the property holds however they interleave.
            Thread.sleep(5);
            channel.sender().send("once");
        }

        int delivered = 0;
        int rejected = 0;
        for (Future<Received<String>> attempt : attempts) {
            try {
                assertThat(attempt.get()).isEqualTo(new Received.Message<>("once"));
                delivered++;
            } catch (ExecutionException e) {
                assertThat(e).hasCauseInstanceOf(IllegalStateException.class);
                rejected++;
            }
        }
        assertThat(delivered).as("receives that got the message").isEqualTo(1);
        assertThat(rejected).as("receives that were refused").isEqualTo(1);
    }

    // A null message is a message, not a close.
    @Test
    void send_null_isReceivedAsAMessageWhoseValueIsNull() {
        OneShot<@Nullable String> channel = OneShot.create();

        channel.sender().send(null);

        Received<@Nullable String> result = channel.receiver().receive();
        assertThat(result).isInstanceOf(Received.Message.class);
        assertThat(result.orElseThrow()).isNull();
    }

    // orElseThrow names what came instead of a message.
    @Test
    void orElseThrow_onClosedOrEmpty_namesWhatHappened() {
        assertThatThrownBy(() -> Received.<String>closed().orElseThrow())
                .hasMessage("the sender was closed without sending a message");
        assertThatThrownBy(() -> Received.<String>empty().orElseThrow())
                .hasMessage("no message has arrived yet");
    }

    // Ten thousand virtual threads each wait on their own channel and all receive: a waiting
    // virtual thread unmounts, so the senders always find a carrier.
    @Test
    void receive_onTenThousandVirtualThreads_allComplete() throws Exception {
        List<OneShot<Integer>> channels = new ArrayList<>();
        for (int i = 0; i < VIRTUAL_RECEIVERS; i++) {
            channels.add(OneShot.create());
        }
        List<Future<Received<Integer>>> results = new ArrayList<>();
        List<Future<Boolean>> sends = new ArrayList<>();
        try (ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor()) {
            for (OneShot<Integer> channel : channels) {
                results.add(virtual.submit(() -> channel.receiver().receive()));
            }
            for (int i = 0; i < VIRTUAL_RECEIVERS; i++) {
                int message = i;
                OneShot<Integer> channel = channels.get(i);
                sends.add(virtual.submit(() -> channel.sender().send(message)));
            }
        }
        for (int i = 0; i < VIRTUAL_RECEIVERS; i++) {
            assertThat(sends.get(i).get()).as("send %d taken", i).isTrue();
            assertThat(results.get(i).get()).as("receiver %d", i)
                    .isEqualTo(new Received.Message<>(i));
        }
    }

    // toString tells the states apart and never shows the message.
    @Test
    void toString_showsTheStateOnly() {
        OneShot<String> channel = OneShot.create();
        assertThat(channel).hasToString("OneShot[empty]");
        channel.sender().send("secret");
        assertThat(channel).hasToString("OneShot[message waiting]");
        assertThat(channel.sender().toString()).doesNotContain("secret");
        assertThat(channel.receiver().toString()).doesNotContain("secret");

        OneShot<String> closed = OneShot.create();
        closed.sender().close();
        assertThat(closed).hasToString("OneShot[sender closed]");
        OneShot<String> abandoned = OneShot.create();
        abandoned.receiver().close();
        assertThat(abandoned).hasToString("OneShot[receiver closed]");
    }

    /** Waits until {@code thread} is asleep. */
    static void awaitWaiting(Thread thread) throws InterruptedException {
        while (thread.getState() != Thread.State.WAITING
                && thread.getState() != Thread.State.TIMED_WAITING) {
            Thread.sleep(1);
        }
    }
}
