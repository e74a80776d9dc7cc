package org.openutm.verification.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {
  @Test
  void executionIdsAreVersionFourUuidsAndDoNotRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      String id = Ids.unique();
      UUID parsed = UUID.fromString(id);
      assertEquals(id, parsed.toString(), "canonical form");
      assertEquals(4, parsed.version(), id);
      assertEquals(2, parsed.variant(), id);
      seen.add(id);
    }
    assertEquals(100_000, seen.size(), "no id twice");
  }
}
