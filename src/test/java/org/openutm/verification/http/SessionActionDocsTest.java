package org.openutm.verification.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openutm.verification.core.SessionAction;

/** Issue 22: one SessionAction table; docs/event-bus.md documents exactly its actions and the bridges' subset. */
class SessionActionDocsTest {
  @Test
  void theDocsListEveryActionAndTheBridgesPermitTheBridgedOnes() throws Exception {
    String doc = Files.readString(Path.of("docs/event-bus.md"));
    String table = doc.substring(doc.indexOf("## `verification.session.<id>`"));
    table = table.substring(0, table.indexOf("\n\n", table.indexOf("| action |")));
    Set<String> documented = new TreeSet<>();
    Set<String> notBridged = new TreeSet<>();
    for (String line : table.split("\n")) {
      Matcher m = Pattern.compile("^\\| `([a-z-]+)` \\|").matcher(line);
      if (m.find()) {
        documented.add(m.group(1));
        if (line.contains("not on the bridges")) {
          notBridged.add(m.group(1));
        }
      }
    }
    assertEquals(new TreeSet<>(Arrays.stream(SessionAction.values()).map(a -> a.wire).toList()), documented);
    assertEquals(new TreeSet<>(Arrays.stream(SessionAction.values()).filter(a -> !a.bridged).map(a -> a.wire).toList()),
        notBridged);
    String bridge = doc.substring(doc.indexOf("`verification.session.<id>` with action"));
    bridge = bridge.substring(0, bridge.indexOf("; `verification.input"));
    Set<String> listed = new LinkedHashSet<>();
    Matcher m = Pattern.compile("`([a-z-]+)`").matcher(bridge.substring(bridge.indexOf("action")));
    while (m.find()) {
      listed.add(m.group(1));
    }
    assertEquals(new TreeSet<>(SessionAction.bridgedNames()), new TreeSet<>(listed));
  }
}
