package dev.atomicslocks.locks;

import static org.assertj.core.api.Assertions.assertThat;

/** What the lock tests need to watch a thread go to sleep and stay asleep. */
final class Sleepers {

    /** How many times, a millisecond apart, a thread is seen asleep before it counts as such. */
    static final int STATE_SAMPLES = 20;

    private Sleepers() {
    }

    /** Waits until {@code thread} is parked, in a timed or an untimed wait. */
    static void awaitParked(Thread thread) throws InterruptedException {
        while (thread.getState() != Thread.State.WAITING
                && thread.getState() != Thread.State.TIMED_WAITING) {
            Thread.sleep(1);
        }
    }

    /** Asserts that {@code thread} is in an untimed wait at every one of the samples. */
    static void assertStaysAsleep(Thread thread, String when) throws InterruptedException {
        for (int i = 0; i < STATE_SAMPLES; i++) {
            assertThat(thread.getState()).as("sample %d %s", i, when)
                    .isEqualTo(Thread.State.WAITING);
            Thread.sleep(1);
        }
    }

    /**
     * Interrupts a thread parked in an uninterruptible wait and asserts that it sleeps on: it
     * may wake once and clear its status to sleep again, and then it must stay asleep.
     */
    static void interruptAndAssertItSleepsOn(Thread waiter) throws InterruptedException {
        waiter.interrupt();
        while (waiter.isInterrupted()) {
            Thread.sleep(1);
        }
        awaitParked(waiter);
        assertStaysAsleep(waiter, "after the interrupt");
    }
}
