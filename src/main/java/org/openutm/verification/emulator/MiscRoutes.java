package org.openutm.verification.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The server's own pages and keys. Master (api/routers/misc_api.py, services/misc_svc.py): GET / an HTML home page
 * titled "Flight Blender" that says "Your instance of Flight Blender is working" and sets {@code authBypassEnabled}
 * from BYPASS_AUTH_TOKEN_VERIFICATION; GET /ping; GET /signing_public_key {"keys": [...]} with
 * Access-Control-Allow-Origin *. The emulator never checks a token's signature (BYPASS_AUTH_TOKEN_VERIFICATION=1), so
 * its page says authBypassEnabled = true. Django (flight_blender/urls.py, flight_feed_operations/views.py): GET / and
 * GET /realtime pages, /ping, /signing_public_key {} without a SECRET_KEY. The emulator holds no signing key (it
 * signs nothing), so its key list is the one of a server without SECRET_KEY: empty.
 */
final class MiscRoutes {
  private final EmulatorOptions options;

  MiscRoutes(EmulatorOptions options) {
    this.options = options;
  }

  void mount(Router r) {
    r.get("/").handler(this::home);
    r.get("/ping").handler(ctx -> ctx.json(new JsonObject().put("message", "pong")));
    r.get("/signing_public_key").handler(this::signingPublicKey);
    if (!options.fastapi()) {
      r.get("/realtime").handler(this::realtime);
    }
  }

  private void home(RoutingContext ctx) {
    page(ctx, "<p>Your instance of Flight Blender is working</p>"
        + "<p>Embedded emulator of the " + (options.fastapi() ? "FastAPI (master 5d9b953)" : "Django (d874eb0)")
        + " generation, run by OpenUTM Verification.</p>"
        + (options.fastapi() ? "<script>const authBypassEnabled = true;</script>" : ""));
  }

  private void realtime(RoutingContext ctx) {
    String session = ctx.queryParams().get("session_id");
    String id = session == null ? "00000000-0000-0000-0000-000000000000" : session;
    page(ctx, "<p>Realtime view of session " + escape(id) + "</p>");
  }

  private void signingPublicKey(RoutingContext ctx) {
    JsonObject body = options.fastapi() ? new JsonObject().put("keys", new JsonArray()) : new JsonObject();
    ctx.response().putHeader("Access-Control-Allow-Origin", "*");
    ctx.json(body);
  }

  private static void page(RoutingContext ctx, String content) {
    ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
        .end("<!doctype html><html><head><meta charset=\"utf-8\"><title>Flight Blender</title></head><body>"
            + content + "</body></html>");
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
