/**
 * JMH benchmarks, each class named for what it measures and its Javadoc stating the question
 * it answers, and {@link dev.atomicslocks.benchmarks.ZeroCostCheck}, which runs the
 * {@code Atomic*Benchmark} classes and fails if a wrapper is more than 5% slower than the raw
 * call it stands for.
 */
@NullMarked
package dev.atomicslocks.benchmarks;

import org.jspecify.annotations.NullMarked;
