package org.openutm.verification.engine;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.openutm.verification.clock.SimClock;
import org.openutm.verification.config.AppConfig;
import org.openutm.verification.core.ServiceException;
import org.openutm.verification.scenario.model.GroupDef;
import org.openutm.verification.scenario.model.ScenarioDef;
import org.openutm.verification.scenario.model.StepDef;

/**
 * Whether a run may go at the process's clock speed: above 1 only when every system it talks to follows the
 * simulated clock. The embedded emulator and the local RabbitMQ do (the one reads the clock, the other only carries
 * messages); an external Flight Blender and the OpenSky provider run in real time, so such a run is refused before
 * it starts, naming {@code speed} and the system.
 */
public final class SpeedCheck {
  private SpeedCheck() {
  }

  /** A request's own {@code speed}, which may only repeat the service's. */
  public static void requested(Object speed, double own) {
    if (speed == null) {
      return;
    }
    if (!(speed instanceof Number n) || n.doubleValue() != own) {
      throw ServiceException.badInput("speed", "speed " + speed + " is not this service's clock speed (" + SimClock.format(own)
          + "): the clock belongs to the process (clock.speed in the config, --speed on the command line); "
          + "a run request may only name that one");
    }
  }

  /** Throws a bad-input error on {@code speed} when the run cannot follow a clock at {@code speed}. */
  public static void check(ScenarioDef def, AppConfig config, double speed) {
    String why = refusal(def, config, speed);
    if (why != null) {
      throw ServiceException.badInput("speed", why);
    }
  }

  /** null when the run may go, else why not. */
  public static String refusal(ScenarioDef def, AppConfig config, double speed) {
    if (speed == 1) {
      return null;
    }
    String external = externalFlightBlender(config);
    if (external != null) {
      return SimClock.realTimeRefusal("flight_blender.url " + external + " is an external Flight Blender",
          "run at speed 1, or leave flight_blender.url empty to use the embedded emulator");
    }
    for (StepDef s : steps(def)) {
      if ("Stream Air Traffic".equals(s.step()) && "opensky".equals(String.valueOf(s.arguments().get("provider")))) {
        return SimClock.realTimeRefusal("step '" + s.effectiveId() + "' streams from the OpenSky provider ("
            + AppConfig.maskUrl(config.section("opensky").getString("url", "")) + ")", "run this scenario at speed 1");
      }
    }
    return null;
  }

  /** The URL of the Flight Blender under test when it is not the embedded emulator, else null. */
  public static String externalFlightBlender(AppConfig config) {
    JsonObject fb = config.section("flight_blender");
    String url = fb.getString("url", "");
    return url.isBlank() || fb.getBoolean("emulated", false) ? null : AppConfig.maskUrl(url);
  }

  private static List<StepDef> steps(ScenarioDef def) {
    List<StepDef> all = new ArrayList<>(def.steps());
    for (GroupDef g : def.groups() == null ? List.<GroupDef>of() : def.groups().values()) {
      all.addAll(g.steps());
    }
    return all;
  }
}
