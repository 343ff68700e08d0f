/**
 * JMH benchmarks of {@code dev.atomicslocks.channels}, each beside its
 * {@code java.util.concurrent} counterparts in the same run:
 * {@link dev.atomicslocks.benchmarks.channels.ChannelBenchmark} (throughput, one and two
 * producers and consumers, bounded and unbounded, against {@code ArrayBlockingQueue},
 * {@code LinkedBlockingQueue} and {@code LinkedTransferQueue}) and
 * {@link dev.atomicslocks.benchmarks.channels.OneShotBenchmark} (a reply handed from one thread
 * to another, against {@code CompletableFuture} and {@code SynchronousQueue}).
 */
@NullMarked
package dev.atomicslocks.benchmarks.channels;

import org.jspecify.annotations.NullMarked;
