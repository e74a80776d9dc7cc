package org.openutm.verification.scenario.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExpressionParserTest {
  static final Map<String, JsonObject> STEPS = Map.of(
      "Generate UUID", new JsonObject().put("status", "success").put("result", "abc"),
      "setup", new JsonObject().put("status", "success").put("result", new JsonObject().put("declarations",
          new JsonArray().add(new JsonObject().put("id", "d0")).add(new JsonObject().put("id", "d1")))),
      "loop[1]", new JsonObject().put("status", "failure").put("result", 4),
      "count", new JsonObject().put("status", "success").put("result", 3));

  static final EvalContext CTX = new EvalContext() {
    @Override
    public Object step(String key) {
      JsonObject r = STEPS.get(key);
      if (r == null) {
        throw new ExpressionException("no step '" + key + "'");
      }
      return r;
    }

    @Override
    public Object loop(String field) {
      return field.equals("index") ? 2 : new JsonObject().put("name", "x");
    }

    @Override
    public boolean success() {
      return false;
    }

    @Override
    public boolean failure() {
      return true;
    }
  };

  static Object eval(String text) {
    return Evaluator.eval(ExpressionParser.parse(text), CTX);
  }

  @Test
  void stepReferencesByIdAndByNameWithSpaces() {
    assertEquals("abc", eval("steps.Generate UUID.result"));
    assertEquals("d1", eval("steps.setup.result.declarations[1].id"));
    assertEquals("failure", eval("steps.loop[1].status"));
    assertNull(eval("steps.setup.result.missing"));
    assertNull(eval("steps.setup.result.declarations[9]"));
    assertEquals(STEPS.get("count"), eval("steps.count"));
  }

  @Test
  void parsedTree() {
    Expr e = ExpressionParser.parse("steps.setup.result.declarations[0].id");
    assertEquals(new Expr.Ref("steps", "setup", List.of(Expr.Segment.key("result"), Expr.Segment.key("declarations"),
        Expr.Segment.index(0), Expr.Segment.key("id"))), e);
  }

  @Test
  void conditions() {
    assertTrue(Evaluator.condition("always()", CTX));
    assertFalse(Evaluator.condition("success()", CTX));
    assertTrue(Evaluator.condition("failure() && steps.count.result >= 3", CTX));
    assertTrue(Evaluator.condition("steps.Generate UUID.status == 'success'", CTX));
    assertTrue(Evaluator.condition("steps.loop[1].status != \"success\" || false", CTX));
    assertTrue(Evaluator.condition("!(steps.count.result < 2) && loop.index == 2", CTX));
    assertTrue(Evaluator.condition("steps.count.result > 2.5 && steps.count.result <= 3", CTX));
    assertFalse(Evaluator.condition("null", CTX));
    assertTrue(Evaluator.condition("loop.item.name == 'x'", CTX));
    assertTrue(Evaluator.condition("'3' == steps.count.result", CTX), "numeric string equals number");
    assertFalse(Evaluator.condition("false && steps.nope.result", CTX), "short-circuit: the right side is never read");
  }

  @Test
  void orReturnsTheFirstTruthyOperand() {
    assertEquals("abc", eval("steps.setup.result.none || steps.Generate UUID.result"));
    assertEquals(-1.5, eval("-1.5"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "steps.", "steps.a.result ==", "(success()", "success(", "foo()",
      "unknown.x", "'unterminated", "steps.a.result[x]", "steps.a.result[-1]", "1 2", "&& success()",
      "steps.a.result.", "loop.", "==", "success() &&", "!", "steps.a.result[1", "@"})
  void malformedExpressionsAreRejectedWithAPosition(String text) {
    ExpressionException e = assertThrows(ExpressionException.class, () -> ExpressionParser.parse(text));
    assertTrue(e.position() >= 0, e.getMessage());
  }

  @Test
  void unknownStepFailsEvaluation() {
    assertThrows(ExpressionException.class, () -> eval("steps.nope.result"));
    assertThrows(ExpressionException.class, () -> eval("steps.count.result.x[0]"));
    assertThrows(ExpressionException.class, () -> eval("steps.setup.result < 3"));
  }
}
