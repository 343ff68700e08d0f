/**
 * JMH benchmarks of {@code dev.atomicslocks.spinlock}, beside {@code ReentrantLock} in the same
 * run: {@link dev.atomicslocks.benchmarks.spinlock.SpinLockBenchmark}.
 */
@NullMarked
package dev.atomicslocks.benchmarks.spinlock;

import org.jspecify.annotations.NullMarked;
