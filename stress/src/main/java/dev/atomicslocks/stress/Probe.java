package dev.atomicslocks.stress;

import static dev.atomicslocks.basics.Ordering.ACQUIRE;
import static dev.atomicslocks.basics.Ordering.RELEASE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.atomicslocks.basics.AtomicBool;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

@JCStressTest
@Outcome(id = "1, 42", expect = ACCEPTABLE, desc = "the reader saw the flag and the data")
@Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "the reader ran before the writer")
@Outcome(id = "0, 42", expect = ACCEPTABLE, desc = "the reader saw the data only")
@Outcome(id = "1, 0", expect = FORBIDDEN, desc = "the reader saw the flag without the data")
@State
public class Probe {
    private final AtomicBool ready = new AtomicBool();
    private int data;

    @Actor
    public void writer() {
        data = 42;
        ready.store(true, RELEASE);
    }

    @Actor
    public void reader(II_Result r) {
        r.r1 = ready.load(ACQUIRE) ? 1 : 0;
        r.r2 = data;
    }
}
