/**
 * The jcstress runners of this module: {@link dev.atomicslocks.stress.StressRun}, which runs
 * jcstress and fails when a test saw a forbidden outcome, and
 * {@link dev.atomicslocks.stress.MutantCheck}, which runs the deliberately broken variants and
 * fails when one of them was never caught. The tests live in the subpackages, one per module
 * under test.
 */
@NullMarked
package dev.atomicslocks.stress;

import org.jspecify.annotations.NullMarked;
