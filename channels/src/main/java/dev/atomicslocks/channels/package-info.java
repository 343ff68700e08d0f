/**
 * Channels that hand messages from thread to thread, chapter 5 of the book, blocking through
 * {@link dev.atomicslocks.oswait.AtomicWait}:
 * <ul>
 *   <li>{@link dev.atomicslocks.channels.OneShot}: one message from one sender to one
 *       receiver, the book's final step made safe to use; a receive returns a
 *       {@link dev.atomicslocks.channels.Received} (the message, the sender's close without
 *       one, or nothing yet);
 *   <li>{@link dev.atomicslocks.channels.Channel}: any number of messages between any number
 *       of senders and receivers, bounded ({@code Channel.bounded(n)}; capacity 0 is a
 *       rendezvous) or unbounded ({@code Channel.unbounded()}), closed with
 *       {@link dev.atomicslocks.channels.ChannelClosedException} as the signal.
 * </ul>
 *
 * <p>Every blocking operation comes in the forms of {@code java.util.concurrent}:
 * uninterruptible (keeps the interrupt status and does not spin because of it), interruptible
 * (throws {@link java.lang.InterruptedException}), timed (takes a {@link java.time.Duration})
 * and try (never waits). A waiting virtual thread unmounts from its carrier. Misuse (a second
 * use of a one-shot end, a send on a closed channel) throws an
 * {@link java.lang.IllegalStateException} that names it, and a message that cannot be
 * delivered is handed back to the sender. Orderings follow the table in
 * {@code dev.atomicslocks.basics}; each class's overview says which access pairs with which.
 *
 * <h2>Names, from Rust</h2>
 * <table class="striped">
 *   <caption>The book's and Rust's names, and the ones here</caption>
 *   <thead><tr><th>Rust</th><th>here</th></tr></thead>
 *   <tbody>
 *   <tr><td>the book's {@code channel()} returning {@code (Sender, Receiver)}</td>
 *       <td>{@code OneShot.create()}, then {@code sender()} and {@code receiver()}</td></tr>
 *   <tr><td>{@code Sender::send(self, T)}</td>
 *       <td>{@code OneShot.Sender.send(T)}, returning {@code false} where the message
 *       comes back</td></tr>
 *   <tr><td>dropping a sender or receiver</td><td>{@code close()}</td></tr>
 *   <tr><td>{@code Receiver::receive(self)}</td>
 *       <td>{@code OneShot.Receiver.receive()}, a {@code Received}</td></tr>
 *   <tr><td>{@code std::sync::mpsc::sync_channel(n)}, {@code channel()}</td>
 *       <td>{@code Channel.bounded(n)}, {@code Channel.unbounded()}</td></tr>
 *   <tr><td>{@code send}, {@code try_send}, {@code recv}, {@code try_recv},
 *       {@code recv_timeout}</td>
 *       <td>{@code send}, {@code trySend}, {@code receive}, {@code tryReceive},
 *       {@code tryReceive(Duration)}</td></tr>
 *   <tr><td>{@code SendError(T)}, {@code RecvError} (every sender dropped)</td>
 *       <td>{@code ChannelClosedException} after {@code close()}</td></tr>
 *   <tr><td>{@code for message in receiver}</td><td>{@code for (T message : channel)}</td></tr>
 *   </tbody>
 * </table>
 */
@NullMarked
package dev.atomicslocks.channels;

import org.jspecify.annotations.NullMarked;
