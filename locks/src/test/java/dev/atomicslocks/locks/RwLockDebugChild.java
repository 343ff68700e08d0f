package dev.atomicslocks.locks;

/**
 * The other JVM of {@link RwLockDebugPropertyTest}: takes a read lock of a new
 * {@link RwLock}, asks for a second one on the same thread and prints what happened,
 * {@code nested read: allowed} or {@code nested read: refused: <message>}.
 */
final class RwLockDebugChild {

    private RwLockDebugChild() {
    }

    public static void main(String[] args) {
        RwLock<Integer> lock = new RwLock<>(0);
        try (var outer = lock.read()) {
            try (var inner = lock.read()) {
                System.out.println("nested read: allowed, readers " + lock.readerCount()
                        + ", value " + inner.get());
            } catch (IllegalStateException e) {
                System.out.println("nested read: refused: " + e.getMessage());
            }
            System.out.println("outer value " + outer.get());
        }
    }
}
