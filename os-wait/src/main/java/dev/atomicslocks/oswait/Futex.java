package dev.atomicslocks.oswait;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The Linux {@code futex} system call, reached through {@code java.lang.foreign} by way of the
 * C library's {@code syscall} function. No JNI, no native code of this project's own.
 */
final class Futex {

    /*
     * The binding. syscall(long number, ...) is variadic; every argument after the number is
     * passed as a 64-bit value or a pointer, which is what the C library reads them as before
     * it loads the kernel's argument registers. errno is captured right after the call through
     * the linker's call-state capture, since the JVM may overwrite it before Java could read it.
     *
     * The operations used: FUTEX_WAIT (sleep if the word still holds a value, with an optional
     * relative timeout on the monotonic clock) and FUTEX_WAKE (wake up to n sleepers), each
     * with FUTEX_PRIVATE_FLAG for words that only this process maps, and without it for words
     * in memory shared between processes. The kernel's results map as follows: EAGAIN (the word
     * held another value) and EINTR (a signal) are returns, ETIMEDOUT a timeout; EINVAL, EFAULT,
     * ENOSYS and anything else become exceptions that name the call and the error.
     */

    static final int FUTEX_WAIT = 0;
    static final int FUTEX_WAKE = 1;
    /** Or-ed into the operation: the word is not shared with another process. */
    static final int FUTEX_PRIVATE_FLAG = 128;

    static final int EINTR = 4;
    static final int EAGAIN = 11;
    static final int EFAULT = 14;
    static final int EINVAL = 22;
    static final int ENOSYS = 38;
    static final int ETIMEDOUT = 110;

    /** Why the binding is unusable here, or null when it works. */
    private static final @Nullable String UNSUPPORTED;
    private static final long SYS_FUTEX;
    private static final @Nullable MethodHandle SYSCALL;
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    static {
        String os = System.getProperty("os.name", "unknown");
        String arch = System.getProperty("os.arch", "unknown");
        long number = switch (arch) {
            case "amd64", "x86_64" -> 202;
            case "aarch64" -> 98;
            default -> -1;
        };
        if (!os.toLowerCase(Locale.ROOT).startsWith("linux")) {
            UNSUPPORTED = "the futex system call exists only on Linux, and this is " + os;
        } else if (number < 0) {
            UNSUPPORTED = "the futex system call number is known here for x86_64 and aarch64,"
                    + " not for " + arch;
        } else {
            UNSUPPORTED = null;
        }
        SYS_FUTEX = number;
        SYSCALL = UNSUPPORTED == null ? bind() : null;
    }

    private Futex() {
    }

    // Restricted: the JDK warns at run time unless native access is enabled for this module,
    // which the README and the FutexWord documentation tell users how to do.
    @SuppressWarnings("restricted")
    private static MethodHandle bind() {
        Linker linker = Linker.nativeLinker();
        MemorySegment syscall = linker.defaultLookup().find("syscall").orElseThrow(
                () -> new UnsupportedOperationException("the C library has no syscall function"));
        FunctionDescriptor signature = FunctionDescriptor.of(ValueLayout.JAVA_LONG,
                ValueLayout.JAVA_LONG, // the system call number
                ValueLayout.ADDRESS, // uaddr: the word
                ValueLayout.JAVA_LONG, // futex_op
                ValueLayout.JAVA_LONG, // val
                ValueLayout.ADDRESS, // timeout, or NULL
                ValueLayout.ADDRESS, // uaddr2 (unused here)
                ValueLayout.JAVA_LONG); // val3 (unused here)
        return linker.downcallHandle(syscall, signature,
                Linker.Option.firstVariadicArg(1), Linker.Option.captureCallState("errno"));
    }

    /** Throws UnsupportedOperationException, naming the OS or processor, where unusable. */
    static void checkSupported() {
        if (UNSUPPORTED != null) {
            throw new UnsupportedOperationException(UNSUPPORTED);
        }
    }

    /**
     * FUTEX_WAIT: sleeps while {@code word} holds {@code expected}.
     *
     * @param timeoutNanos a relative timeout, or a negative number for none
     * @return 0 when woken, or when a signal or the value ended the wait (EINTR, EAGAIN), and
     *     {@link #ETIMEDOUT} when the timeout passed
     */
    static int wait(MemorySegment word, int expected, boolean shared, long timeoutNanos) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment timeout = MemorySegment.NULL;
            if (timeoutNanos >= 0) {
                // struct timespec { time_t tv_sec; long tv_nsec; }
                timeout = arena.allocate(ValueLayout.JAVA_LONG, 2);
                timeout.setAtIndex(ValueLayout.JAVA_LONG, 0, timeoutNanos / 1_000_000_000L);
                timeout.setAtIndex(ValueLayout.JAVA_LONG, 1, timeoutNanos % 1_000_000_000L);
            }
            MemorySegment state = arena.allocate(CALL_STATE);
            long result = call(state, word, FUTEX_WAIT, Integer.toUnsignedLong(expected),
                    timeout, shared);
            if (result == 0) {
                return 0;
            }
            int errno = (int) ERRNO.get(state, 0L);
            return switch (errno) {
                case EAGAIN, EINTR -> 0;
                case ETIMEDOUT -> ETIMEDOUT;
                default -> throw failure("FUTEX_WAIT", errno);
            };
        }
    }

    /** FUTEX_WAKE: wakes up to {@code count} sleepers on {@code word}; returns how many. */
    static int wake(MemorySegment word, int count, boolean shared) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            long result = call(state, word, FUTEX_WAKE, count, MemorySegment.NULL, shared);
            if (result < 0) {
                throw failure("FUTEX_WAKE", (int) ERRNO.get(state, 0L));
            }
            return (int) result;
        }
    }

    private static long call(MemorySegment state, MemorySegment word, int operation, long value,
            MemorySegment timeout, boolean shared) {
        int op = shared ? operation : operation | FUTEX_PRIVATE_FLAG;
        MethodHandle syscall = SYSCALL;
        if (syscall == null) {
            throw new UnsupportedOperationException(UNSUPPORTED);
        }
        try {
            return (long) syscall.invokeExact(state, SYS_FUTEX, word, (long) op, value, timeout,
                    MemorySegment.NULL, 0L);
        } catch (Throwable t) {
            throw new IllegalStateException("the futex downcall failed", t);
        }
    }

    private static RuntimeException failure(String operation, int errno) {
        return switch (errno) {
            case EINVAL -> new IllegalArgumentException(operation + " failed with EINVAL: the"
                    + " kernel rejected the word's address or the operation");
            case EFAULT -> new IllegalStateException(operation + " failed with EFAULT: the word's"
                    + " memory is not mapped in this process");
            case ENOSYS -> new UnsupportedOperationException(operation + " failed with ENOSYS:"
                    + " this kernel does not implement the operation");
            default -> new IllegalStateException(operation + " failed with errno " + errno);
        };
    }
}
