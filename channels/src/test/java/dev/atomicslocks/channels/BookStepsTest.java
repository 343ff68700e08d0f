package dev.atomicslocks.channels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomicslocks.channels.steps.BlockingOneShot;
import dev.atomicslocks.channels.steps.BorrowedOneShot;
import dev.atomicslocks.channels.steps.CheckedOneShot;
import dev.atomicslocks.channels.steps.MutexChannel;
import dev.atomicslocks.channels.steps.SingleStateOneShot;
import dev.atomicslocks.channels.steps.TypedOneShot;
import dev.atomicslocks.channels.steps.UncheckedOneShot;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The book's test of every chapter 5 step: one thread sends {@code "hello world!"} and the
 * other receives it. Where the step cannot block, the receiver parks until the sender unparks
 * it and checks {@code isReady} each time, as the book's test does.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
final class BookStepsTest {

    private static final String HELLO = "hello world!";

    // Step 1: the mutex-and-condvar channel; the receiver waits on the condition variable.
    @Test
    void mutexChannel_helloWorldFromAnotherThread_isReceived() throws Exception {
        MutexChannel<String> channel = new MutexChannel<>();

        Thread sender = Thread.ofPlatform().start(() -> channel.send(HELLO));

        assertThat(channel.receive()).isEqualTo(HELLO);
        sender.join();
    }

    // Step 2: the unchecked one-shot channel, polled through isReady.
    @Test
    void uncheckedOneShot_helloWorldFromAnotherThread_isReceived() throws Exception {
        UncheckedOneShot<String> channel = new UncheckedOneShot<>();

        Thread sender = sendAndUnpark(() -> channel.send(HELLO));
        parkUntil(channel::isReady);

        assertThat(channel.receive()).isEqualTo(HELLO);
        sender.join();
    }

    // Step 3: runtime checks with an in-use and a ready flag.
    @Test
    void checkedOneShot_helloWorldFromAnotherThread_isReceived() throws Exception {
        CheckedOneShot<String> channel = new CheckedOneShot<>();

        Thread sender = sendAndUnpark(() -> channel.send(HELLO));
        parkUntil(channel::isReady);

        assertThat(channel.receive()).isEqualTo(HELLO);
        sender.join();
    }

    // Step 3 again: the same checks with a single state atomic.
    @Test
    void singleStateOneShot_helloWorldFromAnotherThread_isReceived() throws Exception {
        SingleStateOneShot<String> channel = new SingleStateOneShot<>();

        Thread sender = sendAndUnpark(() -> channel.send(HELLO));
        parkUntil(channel::isReady);

        assertThat(channel.receive()).isEqualTo(HELLO);
        sender.join();
    }

    // Step 4: a separate sender and receiver; the sender moves to the other thread.
    @Test
    void typedOneShot_helloWorldFromAnotherThread_isReceived() throws Exception {
        TypedOneShot.Ends<String> ends = TypedOneShot.channel();
        TypedOneShot.Sender<String> sender = ends.sender();
        TypedOneShot.Receiver<String> receiver = ends.receiver();

        Thread sending = sendAndUnpark(() -> sender.send(HELLO));
        parkUntil(receiver::isReady);

        assertThat(receiver.receive()).isEqualTo(HELLO);
        sending.join();
    }

    // Step 5: a channel owned by the test, split into its two ends.
    @Test
    void borrowedOneShot_helloWorldFromAnotherThread_isReceived() throws Exception {
        BorrowedOneShot<String> channel = new BorrowedOneShot<>();
        BorrowedOneShot.Ends<String> ends = channel.split();

        Thread sending = sendAndUnpark(() -> ends.sender().send(HELLO));
        parkUntil(ends.receiver()::isReady);

        assertThat(ends.receiver().receive()).isEqualTo(HELLO);
        sending.join();
    }

    // Step 6: the receiver blocks, and the sender wakes the thread that split.
    @Test
    void blockingOneShot_helloWorldFromAnotherThread_isReceived() throws Exception {
        BlockingOneShot<String> channel = new BlockingOneShot<>();
        BlockingOneShot.Ends<String> ends = channel.split();

        Thread sending = Thread.ofPlatform().start(() -> ends.sender().send(HELLO));

        assertThat(ends.receiver().receive()).isEqualTo(HELLO);
        sending.join();
    }

    // The public one-shot channel, grown from step 6.
    @Test
    void oneShot_helloWorldFromAnotherThread_isReceived() throws Exception {
        OneShot<String> channel = OneShot.create();

        Thread sending = Thread.ofPlatform().start(() -> channel.sender().send(HELLO));

        assertThat(channel.receiver().receive()).isEqualTo(new Received.Message<>(HELLO));
        sending.join();
    }

    /** Starts a thread that sends and then unparks the calling thread, as the book's does. */
    private static Thread sendAndUnpark(Runnable send) {
        Thread receiver = Thread.currentThread();
        return Thread.ofPlatform().start(() -> {
            send.run();
            LockSupport.unpark(receiver);
        });
    }

    /** Parks until {@code ready} holds; the sender's unpark ends the park. */
    private static void parkUntil(BooleanSupplier ready) {
        while (!ready.getAsBoolean()) {
            LockSupport.park();
        }
    }
}
