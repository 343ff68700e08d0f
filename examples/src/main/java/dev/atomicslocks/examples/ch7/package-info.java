/**
 * Chapter 7 of the book, understanding the processor: the chapter's experiments on the cost
 * of atomic operations, as programs. A loop of loads alone; the same while another thread
 * loads, stores or compare-exchanges the same atomic; three atomics in one cache line against
 * three on lines of their own; and a lock built with relaxed orderings.
 *
 * <p>Each prints the time per operation of one run: enough to see the effects the chapter
 * describes, not a measurement (the {@code benchmarks} module measures with JMH). The JIT's
 * output for any of them can be read with
 * {@code -XX:+UnlockDiagnosticVMOptions -XX:+PrintAssembly} when the hsdis disassembler is
 * installed.
 */
@NullMarked
package dev.atomicslocks.examples.ch7;

import org.jspecify.annotations.NullMarked;
