/**
 * Chapter 3 of the book, memory ordering: the book's programs ch3-01 to ch3-11.
 *
 * <p>Relaxed ordering, spawn and join, the total modification order of one variable, values
 * out of thin air, release and acquire, a lock, lazy initialisation through a reference,
 * sequential consistency and fences. A program shows what one run does, and several take a
 * {@code rounds} argument that runs the experiment many times and counts each outcome. What
 * a run does not show is not proof that it cannot happen: the jcstress tests in the
 * {@code stress} module check every claim of the chapter against the Java memory model, and
 * each program names the one that checks it.
 */
@NullMarked
package dev.atomicslocks.examples.ch3;

import org.jspecify.annotations.NullMarked;
