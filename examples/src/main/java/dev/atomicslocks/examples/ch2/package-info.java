/**
 * Chapter 2 of the book, atomics: the book's programs ch2-01 to ch2-13, all with relaxed
 * ordering.
 *
 * <p>Stop flags, progress reporting, lazy initialisation, statistics and id allocation, built
 * on the project's own {@code AtomicBool}, {@code AtomicI32}, {@code AtomicU32} and
 * {@code AtomicU64} from {@code dev.atomicslocks.basics}, whose package documentation maps
 * each Rust ordering to its {@code VarHandle} access mode. A relaxed load or store there is
 * an opaque access: atomic, in one order per variable, and bound to become visible to other
 * threads, which is all these programs need.
 */
@NullMarked
package dev.atomicslocks.examples.ch2;

import org.jspecify.annotations.NullMarked;
