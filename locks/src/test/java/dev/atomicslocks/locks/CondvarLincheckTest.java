package dev.atomicslocks.locks;

import java.util.concurrent.TimeUnit;
import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A ticket gate built on the public Mutex and Condvar is linearizable under Lincheck's model
 * checker. {@code pass} takes a ticket in one critical section and, in a second one, waits on
 * the condvar until its number is served, then serves the next and wakes the others. Between
 * the two a later ticket may be taken, so waits, signals (with the mutex held: the requeue
 * path, or after the unlock: a wake and a requeue) and wake-ups all happen; no operation
 * waits for ever, since every ticket taken is served in turn. A lost signal would leave a
 * thread waiting and the run hung. Public, with a public constructor, because Lincheck
 * creates instances of it by reflection.
 */
public final class CondvarLincheckTest {

    /** A fresh gate, serving ticket 0 first, for each scenario Lincheck runs. */
    public CondvarLincheckTest() {
    }

    /** [0]: the next ticket to hand out; [1]: the ticket being served. */
    private final Mutex<int[]> gate = new Mutex<>(new int[2]);
    private final Condvar served = new Condvar();

    /** Takes a ticket, waits for its turn, and passes; returns the ticket. */
    @Operation
    public int pass() {
        int ticket;
        try (var guard = gate.lock()) {
            ticket = guard.get()[0]++;
        }
        try (var guard = gate.lock()) {
            served.awaitWhileUninterruptibly(guard, counters -> counters[1] != ticket);
            guard.get()[1]++;
            served.signalAll();
        }
        return ticket;
    }

    /** As {@link #pass}, but signals after unlocking: the wake and requeue path. */
    @Operation
    public int passSignallingAfterUnlock() {
        int ticket;
        try (var guard = gate.lock()) {
            ticket = guard.get()[0]++;
        }
        try (var guard = gate.lock()) {
            served.awaitWhileUninterruptibly(guard, counters -> counters[1] != ticket);
            guard.get()[1]++;
        }
        served.signalAll();
        return ticket;
    }

    /** How many tickets have been served. */
    @Operation
    public int servedCount() {
        try (var guard = gate.lock()) {
            return guard.get()[1];
        }
    }

    // Every interleaving the model checker explores gives a result some sequential order
    // gives, and none hangs.
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void ticketGate_underModelChecking_isLinearizable() {
        LincheckSetup.modelChecking().check(CondvarLincheckTest.class);
    }
}
