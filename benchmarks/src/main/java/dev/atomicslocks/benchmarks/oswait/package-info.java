/**
 * JMH benchmarks of {@code dev.atomicslocks.oswait}, each beside its
 * {@code java.util.concurrent} counterpart in the same run: the cost of a wake that finds no
 * waiter ({@link dev.atomicslocks.benchmarks.oswait.WakeBenchmark}), the round trip of two
 * threads handing a turn to each other
 * ({@link dev.atomicslocks.benchmarks.oswait.PingPongBenchmark}), and what a state word in
 * native memory and a foreign call cost
 * ({@link dev.atomicslocks.benchmarks.oswait.NativeCostBenchmark}).
 *
 * <p>The futex benchmarks call restricted methods of {@code java.lang.foreign}; their forks run
 * with {@code --enable-native-access=ALL-UNNAMED}, since the benchmarks jar is on the class path.
 */
@NullMarked
package dev.atomicslocks.benchmarks.oswait;

import org.jspecify.annotations.NullMarked;
