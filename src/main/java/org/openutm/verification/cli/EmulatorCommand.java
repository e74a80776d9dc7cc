package org.openutm.verification.cli;

import io.vertx.core.json.JsonObject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code emulator}: the Flight Blender emulator alone, as a stand-in server for other tools. */
@Command(name = "emulator", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
    description = {"Start the Flight Blender emulator on its own (a stand-in for a real Flight Blender)."})
final class EmulatorCommand implements Callable<Integer> {
  @Option(names = "--port", paramLabel = "N", defaultValue = "8000", description = "port (default ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--host", paramLabel = "H", description = "bind address (default 127.0.0.1)")
  String host;

  @Option(names = "--mode", paramLabel = "fastapi|django", description = "the Flight Blender generation (default fastapi)")
  String mode;

  @Option(names = "--no-auth", description = "accept requests without a token")
  boolean noAuth;

  @Option(names = "--amqp-url", paramLabel = "URL", description = "publish operational events to this broker (or AMQP_URL)")
  String amqpUrl;

  @Override
  public Integer call() {
    JsonObject cfg = new JsonObject().put("port", port);
    if (host != null) {
      cfg.put("host", host);
    }
    if (mode != null) {
      cfg.put("mode", mode);
    }
    if (noAuth) {
      cfg.put("auth", false);
    }
    JsonObject amqp = new JsonObject();
    String env = System.getenv("AMQP_URL");
    if (amqpUrl != null) {
      amqp.put("url", amqpUrl);
    } else if (env != null && !env.isBlank()) {
      amqp.put("url", env);
    }
    try {
      io.vertx.core.Vertx.vertx().deployVerticle(new org.openutm.verification.emulator.EmulatorVerticle(cfg, amqp))
          .await(60, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      System.err.println("emulator: " + e.getMessage());
      return 1;
    }
    Main.serving = true;
    return 0;
  }
}
