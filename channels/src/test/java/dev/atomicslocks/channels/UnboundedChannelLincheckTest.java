package dev.atomicslocks.channels;

import java.util.concurrent.TimeUnit;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The unbounded channel's non-blocking operations are linearizable under Lincheck's model
 * checker: every interleaving of try-sends, try-receives and closes it explores gives results
 * that some sequential order of them gives. Public, with a public constructor, because
 * Lincheck creates instances of it by reflection.
 */
public final class UnboundedChannelLincheckTest {

    private final Channel<Integer> channel = Channel.unbounded();

    /** A fresh, empty channel, for each scenario Lincheck runs. */
    public UnboundedChannelLincheckTest() {
    }

    @Operation
    public String trySend(int message) {
        try {
            return channel.trySend(message) ? "sent" : "full";
        } catch (ChannelClosedException e) {
            return "closed";
        }
    }

    @Operation
    public String tryReceive() {
        try {
            return String.valueOf(channel.tryReceive());
        } catch (ChannelClosedException e) {
            return "closed";
        }
    }

    @Operation
    public boolean close() {
        return channel.close();
    }

    // Every interleaving the model checker explores gives a result some sequential order gives.
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void operations_underModelChecking_areLinearizable() {
        new ModelCheckingOptions().iterations(20).invocationsPerIteration(300)
                .check(UnboundedChannelLincheckTest.class);
    }
}
