package dev.atomicslocks.channels;

import java.util.concurrent.TimeUnit;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The OneShot's non-blocking operations, misuse included, are linearizable under Lincheck's
 * model checker: sends, try-receives and closes of either end from any threads give results
 * (an exception counts as a result) that some sequential order of them gives. Public, with a
 * public constructor, because Lincheck creates instances of it by reflection.
 */
public final class OneShotLincheckTest {

    private final OneShot<Integer> channel = OneShot.create();

    /** A fresh channel, for each scenario Lincheck runs. */
    public OneShotLincheckTest() {
    }

    @Operation
    public String send(int message) {
        try {
            return channel.sender().send(message) ? "sent" : "refused";
        } catch (IllegalStateException e) {
            return "sender used";
        }
    }

    @Operation
    public String tryReceive() {
        try {
            return channel.receiver().tryReceive().toString();
        } catch (IllegalStateException e) {
            return "receiver used";
        }
    }

    @Operation
    public void closeSender() {
        channel.sender().close();
    }

    @Operation
    public void closeReceiver() {
        channel.receiver().close();
    }

    @Operation
    public boolean isReady() {
        return channel.receiver().isReady();
    }

    // Every interleaving the model checker explores gives a result some sequential order gives.
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void operations_underModelChecking_areLinearizable() {
        new ModelCheckingOptions().iterations(20).invocationsPerIteration(300)
                .check(OneShotLincheckTest.class);
    }
}
