/** JMH benchmarks. */
@NullMarked
package dev.atomicslocks.benchmarks;

import org.jspecify.annotations.NullMarked;
