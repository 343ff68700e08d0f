/**
 * JMH benchmarks of {@code dev.atomicslocks.arc}, beside a plain {@code AtomicInteger}
 * reference count in the same run: {@link dev.atomicslocks.benchmarks.arc.ArcBenchmark}.
 */
@NullMarked
package dev.atomicslocks.benchmarks.arc;

import org.jspecify.annotations.NullMarked;
