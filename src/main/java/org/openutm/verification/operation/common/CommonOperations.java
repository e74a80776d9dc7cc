package org.openutm.verification.operation.common;

import static org.openutm.verification.operation.ParamDef.optional;

import io.vertx.core.Future;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.openutm.verification.clock.SimClock;
import org.openutm.verification.operation.DataFiles;
import org.openutm.verification.operation.Generators;
import org.openutm.verification.operation.ParamDef;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.openutm.verification.operation.ClientType;
import org.openutm.verification.operation.OperationDef;
import org.openutm.verification.operation.OperationFailure;
import org.openutm.verification.operation.ParamType;

/** CommonClient: operations that need no external system. */
public final class CommonOperations {
  private CommonOperations() {
  }

  public static List<OperationDef> all() {
    return List.of(generateUuid(), randomNumber(), waitSeconds(), generateTelemetry());
  }

  static OperationDef generateUuid() {
    return OperationDef.builder("Generate UUID", ClientType.COMMON)
        .doc("Generates a random UUID (version 4) and returns it as a string.")
        .timeout(a -> 5_000)
        .run((ctx, args) -> Future.succeededFuture(UUID.randomUUID().toString()));
  }

  static OperationDef randomNumber() {
    return OperationDef.builder("Generate Random Number", ClientType.COMMON)
        .doc("Returns a random integer between min and max, both included.")
        .param(optional("min", ParamType.INTEGER, 0L, "Smallest value returned."))
        .param(optional("max", ParamType.INTEGER, 5L, "Largest value returned."))
        .timeout(a -> 5_000)
        .run((ctx, args) -> {
          long min = args.integer("min") == null ? 0 : args.integer("min");
          long max = args.integer("max") == null ? 5 : args.integer("max");
          if (max < min) {
            return Future.failedFuture(new OperationFailure("max (" + max + ") is smaller than min (" + min + ")"));
          }
          return Future.succeededFuture(min == max ? min : ThreadLocalRandom.current().nextLong(min, max + 1));
        });
  }

  static OperationDef waitSeconds() {
    return OperationDef.builder("Wait X seconds", ClientType.COMMON)
        .doc("Waits for the given duration (5, \"5s\", \"1m\", \"1h\") without blocking; cancellable.")
        .param(optional("duration", ParamType.DURATION, 5.0, "How long to wait, in seconds or with a unit."))
        .timeout(a -> (long) (a.seconds("duration", 5) * 1000) + 30_000)
        .run((ctx, args) -> {
          double seconds = args.seconds("duration", 5);
          // the toolkit's words (common_client.py wait), result text included
          ctx.info("Waiting for " + format(seconds) + " seconds...");
          return ctx.sleep((long) (seconds * 1000)).map(v -> {
            ctx.info("Waited for " + format(seconds) + " seconds.");
            return "Waited for Flight Blender to process " + format(seconds) + " seconds.";
          });
        });
  }

  static OperationDef generateTelemetry() {
    return OperationDef.builder("Generate Telemetry", ClientType.COMMON)
        .doc("Telemetry states at 1 Hz along a GeoJSON LineString (default data_files.trajectory), with track and speed.")
        .param(ParamDef.required("config_path", ParamType.STRING, "The trajectory file (GeoJSON LineString)."))
        .param(optional("duration", ParamType.INTEGER, 30L, "Seconds of telemetry (one state a second)."))
        .param(optional("reference_time", ParamType.STRING, null, "Timestamp of the first state (ISO 8601); default now."))
        .param(optional("altitude_m", ParamType.NUMBER, null, "Altitude of the states (position.alt, metres; default 120). The line is flown at 0.4 % of its length per second, as the Python toolkit does."))
        .timeout(a -> 60_000)
        .run((ctx, args) -> {
          String path = args.string("config_path") != null ? args.string("config_path")
              : DataFiles.configured(ctx.config(), "trajectory");
          Instant reference;
          try {
            reference = args.string("reference_time") == null ? SimClock.now()
                : OffsetDateTime.parse(args.string("reference_time")).toInstant();
          } catch (DateTimeParseException e) {
            return Future.failedFuture(new OperationFailure("reference_time is not an ISO 8601 time: "
                + args.string("reference_time")));
          }
          long seconds = args.integer("duration") == null ? 30 : args.integer("duration");
          if (seconds < 1 || seconds > 86_400) {
            return Future.failedFuture(new OperationFailure("duration must be 1 to 86400 seconds"));
          }
          return DataFiles.readObject(ctx, path).map(traj -> Generators.telemetry(Generators.lineString(traj, path),
              (int) seconds, reference, args.number("altitude_m")));
        });
  }

  static String format(double seconds) {
    return seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.valueOf(seconds);
  }
}
