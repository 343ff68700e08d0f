/**
 * Helpers that the atomics share with the other modules of this project: the mapping from an
 * {@link dev.atomicslocks.basics.Ordering} to a VarHandle access mode. Exported only to those
 * modules; not an API.
 */
@NullMarked
package dev.atomicslocks.basics.internal;

import org.jspecify.annotations.NullMarked;
