package dev.atomicslocks.oswait;

import dev.atomicslocks.basics.Ordering;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The other process of {@link FutexWordTest}'s inter-process test: maps the file named by its
 * argument, says it is ready in the second word, and sleeps on the first word until another
 * process stores a non-zero value there and wakes it. Prints "woken" and exits 0.
 */
final class SharedWordChild {

    private SharedWordChild() {
    }

    public static void main(String[] args) throws Exception {
        try (Arena arena = Arena.ofConfined();
                FileChannel file = FileChannel.open(Path.of(args[0]),
                        StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            MemorySegment memory = file.map(FileChannel.MapMode.READ_WRITE, 0,
                    FutexWordTest.SHARED_FILE_BYTES, arena);
            FutexWord word = FutexWord.shared(memory, 0);
            FutexWord ready = FutexWord.shared(memory, Integer.BYTES);
            int sleeps = 0;
            while (word.load(Ordering.ACQUIRE) == 0) {
                ready.store(1, Ordering.RELEASE);
                word.futexWait(0);
                sleeps++;
            }
            System.out.println("woken after " + sleeps + " sleeps");
        }
    }
}
