package org.openutm.verification.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoInstantTest {
  @Test
  void writesWhatInstantToStringWrites() {
    long[] edges = {0, 1, -1, 59, 86_399, 86_400, 951_782_400L, 253_402_300_799L, -62_167_219_200L};
    int[] nanos = {0, 1, 999_999_999, 5_000_000, 123_000, 120_000_000, 7, 100};
    for (long s : edges) {
      for (int n : nanos) {
        Instant t = Instant.ofEpochSecond(s, n);
        assertEquals(t.toString(), IsoInstant.format(t));
      }
    }
    SplittableRandom r = new SplittableRandom(7);
    for (int i = 0; i < 100_000; i++) {
      Instant t = Instant.ofEpochSecond(r.nextLong(-62_167_219_200L, 253_402_300_800L), r.nextInt(4) == 0
          ? r.nextInt(1000) * 1_000_000 : r.nextInt(1_000_000_000));
      assertEquals(t.toString(), IsoInstant.format(t));
    }
    Instant far = Instant.ofEpochSecond(253_402_300_800L + 5);
    assertEquals(far.toString(), IsoInstant.format(far));
    Instant before = Instant.ofEpochSecond(-62_167_219_200L - 1);
    assertEquals(before.toString(), IsoInstant.format(before));
  }
}
