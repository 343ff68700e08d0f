/**
 * jcstress tests of {@code dev.atomicslocks.channels}: every one-shot step of chapter 5 and
 * the public {@code OneShot} deliver a message with everything the sender wrote into it;
 * every kind of {@code Channel} delivers each message exactly once to two consumers fed by two
 * producers; and a thread waiting on a channel always finishes once it is sent to, received
 * from or closed. The conventions of {@link dev.atomicslocks.stress.basics} hold here too: a
 * variant whose name ends in {@code Mutant} is broken on purpose and must be caught.
 */
@NullMarked
package dev.atomicslocks.stress.channels;

import org.jspecify.annotations.NullMarked;
