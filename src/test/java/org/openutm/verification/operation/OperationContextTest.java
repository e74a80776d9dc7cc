package org.openutm.verification.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openutm.verification.config.AppConfig;
import org.openutm.verification.core.ErrorCode;
import org.openutm.verification.core.ServiceException;

/** What a worker does with the session's snapshot and the public JSON form of a request (no bus). */
class OperationContextTest {
  private static final AppConfig CONFIG = new AppConfig(new JsonObject(), Path.of("c.yaml"));

  @Test
  void readsTheSnapshotWithoutCopyingAndCopiesOnItsFirstRemember() {
    JsonObject snapshot = new JsonObject().put("latest_flight_declaration_id", "d1").put("keep", "k");
    OperationContext ctx = new OperationContext(null, CONFIG, "s", "step", "e").withClientState(snapshot, Map.of());
    assertSame(snapshot, ctx.clientState(), "read as sent");
    ctx.remember("latest_flight_declaration_id", "d2");
    assertEquals("d1", snapshot.getString("latest_flight_declaration_id"), "the session's snapshot is untouched");
    assertEquals("d2", ctx.clientState().getString("latest_flight_declaration_id"));
    assertEquals("k", ctx.clientState().getString("keep"));
    assertEquals(new JsonObject().put("latest_flight_declaration_id", "d2"), ctx.stateUpdates());
    ctx.remember("other", 1);
    assertNull(snapshot.getValue("other"));
  }

  @Test
  void theJsonFormIsCoercedOnceAndNamesWhatIsWrong() {
    OperationCatalog catalog = OperationCatalog.standard();
    StepRequest r = StepRequest.fromJson(new JsonObject().put("operation", "Wait X seconds")
        .put("arguments", new JsonObject().put("duration", "2s")).put("config_overrides",
            new JsonObject().put("amqp", new JsonObject().put("exchange", "e"))), catalog, ClientType.COMMON, CONFIG);
    assertEquals(2.0, r.args().number("duration"));
    assertEquals("e", r.config().section("amqp").getString("exchange"));
    assertEquals(new JsonObject(), CONFIG.json(), "the base is not changed by the overrides");
    ServiceException unknown = assertThrows(ServiceException.class, () -> StepRequest.fromJson(
        new JsonObject().put("operation", "Generate UUID"), catalog, ClientType.AMQP, CONFIG));
    assertEquals(ErrorCode.BAD_INPUT, unknown.code());
    ServiceException notObject = assertThrows(ServiceException.class, () -> StepRequest.fromJson(
        new JsonObject().put("operation", "Wait X seconds").put("arguments", "x"), catalog, ClientType.COMMON, CONFIG));
    assertEquals("arguments", notObject.details().getString("field"));
  }

  @Test
  void aCancelRunsEveryHookOnceAndFailsTheWait() throws Exception {
    io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
    try {
      OperationContext ctx = new OperationContext(vertx, CONFIG, "s", "step", "e");
      java.util.List<String> ran = new java.util.ArrayList<>();
      Runnable first = ctx.onCancel(() -> ran.add("first"));
      ctx.onCancel(() -> ran.add("second"));
      Runnable third = ctx.onCancel(() -> ran.add("third"));
      third.run(); // unregistered before the cancel: it never runs
      io.vertx.core.Future<Void> wait = ctx.sleep(60_000);
      ctx.cancel("stopped");
      assertEquals(java.util.List.of("first", "second"), ran);
      assertEquals("stopped", wait.cause().getMessage());
      assertEquals(CancelledException.class, wait.cause().getClass());
      ctx.cancel("again");
      first.run();
      assertEquals(2, ran.size(), "a second cancel runs nothing again");
      ran.clear();
      ctx.onCancel(() -> ran.add("late"));
      assertEquals(java.util.List.of("late"), ran, "a hook added after the cancel runs at once");
      // a wait that ends by itself leaves no hook behind
      OperationContext quiet = new OperationContext(vertx, CONFIG, "s", "step", "f");
      java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
      vertx.runOnContext(v -> quiet.sleep(5).onComplete(ar -> done.complete(null)));
      done.get(5, java.util.concurrent.TimeUnit.SECONDS);
      java.util.List<String> after = new java.util.ArrayList<>();
      quiet.onCancel(() -> after.add("only"));
      quiet.cancel("x");
      assertEquals(java.util.List.of("only"), after);
    } finally {
      vertx.close();
    }
  }
}
