package dev.atomicslocks.locks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** MutexLock beyond the Lock contract: no reentrancy, and its monitoring methods. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
final class MutexLockTest {

    // The holder locking again would wait for itself: every waiting form refuses, tryLock
    // and a zero timeout just fail, and the lock stays held once.
    @Test
    void lockingAgain_byTheHolder_isRefusedInsteadOfDeadlocking() throws Exception {
        MutexLock lock = new MutexLock();
        lock.lock();
        try {
            assertThatThrownBy(lock::lock).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not reentrant");
            assertThatThrownBy(lock::lockInterruptibly)
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> lock.tryLock(1, TimeUnit.SECONDS))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(lock.tryLock()).isFalse();
            assertThat(lock.tryLock(0, TimeUnit.SECONDS)).isFalse();
            assertThat(lock.isHeldByCurrentThread()).isTrue();
        } finally {
            lock.unlock();
        }
        assertThat(lock.isLocked()).isFalse();
        assertThatThrownBy(lock::unlock).isInstanceOf(IllegalMonitorStateException.class);
    }

    // isLocked, isHeldByCurrentThread and toString tell who holds the lock.
    @Test
    void monitoring_tellsWhoHoldsTheLock() throws Exception {
        MutexLock lock = new MutexLock();
        assertThat(lock).hasToString("MutexLock[unlocked]");

        lock.lock();
        try {
            assertThat(lock.isLocked()).isTrue();
            assertThat(lock.isHeldByCurrentThread()).isTrue();
            assertThat(lock.toString()).isEqualTo(
                    "MutexLock[locked by " + Thread.currentThread().getName() + "]");
            try (ExecutorService other = Executors.newSingleThreadExecutor()) {
                assertThat(other.submit(lock::isHeldByCurrentThread).get()).isFalse();
            }
        } finally {
            lock.unlock();
        }
        assertThat(lock.isHeldByCurrentThread()).isFalse();
    }

    // A condition belongs to its lock: holding another MutexLock does not let a thread wait
    // on it or signal it.
    @Test
    void condition_withAnotherLockHeld_isMisuse() {
        MutexLock lock = new MutexLock();
        MutexLock other = new MutexLock();
        Condition condition = lock.newCondition();
        other.lock();
        try {
            assertThatThrownBy(condition::await).isInstanceOf(IllegalMonitorStateException.class);
            assertThatThrownBy(condition::signal)
                    .isInstanceOf(IllegalMonitorStateException.class);
        } finally {
            other.unlock();
        }
        assertThat(lock.isLocked()).isFalse();
        assertThat(other.isLocked()).isFalse();
    }
}
