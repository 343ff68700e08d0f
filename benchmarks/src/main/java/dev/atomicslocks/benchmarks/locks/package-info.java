/**
 * JMH benchmarks of {@code dev.atomicslocks.locks}, beside {@code ReentrantLock} in the same
 * run: {@link dev.atomicslocks.benchmarks.locks.MutexBenchmark}, chapter 9's measurements,
 * {@link dev.atomicslocks.benchmarks.locks.CondvarBenchmark}, condition variable ping-pong,
 * and {@link dev.atomicslocks.benchmarks.locks.RwLockBenchmark}, reader-writer locks beside
 * {@code ReentrantReadWriteLock} and {@code StampedLock}.
 */
@NullMarked
package dev.atomicslocks.benchmarks.locks;

import org.jspecify.annotations.NullMarked;
