package org.openutm.verification.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openutm.verification.core.Durations;
import org.openutm.verification.core.ServiceException;

class ArgumentCoercerTest {
  static final OperationDef OP = OperationDef.builder("Test Op", ClientType.COMMON)
      .param(ParamDef.enumeration("state", List.of(Map.entry("ACCEPTED", 1), Map.entry("ACTIVATED", 2)), null, true, ""))
      .param(ParamDef.optional("duration", ParamType.DURATION, 0.0, ""))
      .param(ParamDef.optional("count", ParamType.INTEGER, 1L, ""))
      .param(ParamDef.optional("flag", ParamType.BOOLEAN, false, ""))
      .param(ParamDef.optional("items", ParamType.ARRAY, null, ""))
      .param(ParamDef.optional("name", ParamType.STRING, null, ""))
      .run((c, a) -> Future.succeededFuture());

  static JsonObject coerce(JsonObject raw) {
    return ArgumentCoercer.coerce(OP, raw).json();
  }

  @Test
  void enumsByNameCaseInsensitiveOrByValue() {
    assertEquals(2, coerce(new JsonObject().put("state", "activated")).getValue("state"));
    assertEquals(2, coerce(new JsonObject().put("state", "ACTIVATED")).getValue("state"));
    assertEquals(1, coerce(new JsonObject().put("state", 1)).getValue("state"));
    assertEquals(1, coerce(new JsonObject().put("state", "1")).getValue("state"));
  }

  @Test
  void durationsAndDefaults() {
    assertEquals(5.0, Durations.seconds("5s"));
    assertEquals(60.0, Durations.seconds("1m"));
    assertEquals(3600.0, Durations.seconds("1h"));
    assertEquals(86400.0, Durations.seconds("1d"));
    assertEquals(0.25, Durations.seconds("250ms"));
    assertEquals(5.0, Durations.seconds(5));
    JsonObject out = coerce(new JsonObject().put("state", 2).put("duration", "2m"));
    assertEquals(120.0, out.getDouble("duration"));
    assertEquals(1L, out.getLong("count"));
    assertEquals(false, out.getBoolean("flag"));
    assertTrue(out.containsKey("items"));
  }

  @Test
  void idempotent() {
    JsonObject once = coerce(new JsonObject().put("state", "ACTIVATED").put("duration", "1m").put("count", "3"));
    assertEquals(once, coerce(once));
  }

  @Test
  void everyProblemIsNamed() {
    ServiceException e = assertThrows(ServiceException.class, () -> coerce(new JsonObject()
        .put("duration", "later").put("count", 1.5).put("flag", "maybe").put("items", "x").put("bogus", 1)
        .put("name", new JsonObject())));
    JsonArray problems = e.details().getJsonArray("problems");
    List<String> fields = problems.stream().map(p -> ((JsonObject) p).getString("field")).toList();
    assertEquals(List.of("arguments.bogus", "arguments.state", "arguments.duration", "arguments.count",
        "arguments.flag", "arguments.items", "arguments.name"), fields);
    assertEquals("arguments.bogus", e.details().getString("field"));
  }

  @Test
  void wrongEnum() {
    ServiceException e = assertThrows(ServiceException.class, () -> coerce(new JsonObject().put("state", "FLYING")));
    assertTrue(e.getMessage().contains("ACCEPTED"), e.getMessage());
  }

  @Test
  void expressionsAreLenientOnlyForValidation() {
    assertEquals(List.of(), ArgumentCoercer.problems(OP, Map.of("state", "${{ steps.x.result }}"), true));
    assertEquals(1, ArgumentCoercer.problems(OP, Map.of("state", "${{ steps.x.result }}"), false).size());
  }
}
