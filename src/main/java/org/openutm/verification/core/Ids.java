package org.openutm.verification.core;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Identifiers that only have to be unique, not unguessable: a foreground step's execution id lives inside this process
 * (the worker's in-flight map, the session's executions, cancel messages) for as long as the step runs. Drawn from
 * {@link ThreadLocalRandom}: {@link UUID#randomUUID()} goes through one process-wide {@code SecureRandom} whose lock
 * the session thread and the worker threads contended for once per step each (the worker's own UUID for Generate
 * UUID), a futex wait and a context switch per step on a busy machine. Ids handed to users (sessions, tasks, runs)
 * stay {@link UUID#randomUUID()}.
 */
public final class Ids {
  private Ids() {
  }

  /** A version-4-shaped UUID string from the calling thread's own random generator. */
  public static String unique() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }
}
