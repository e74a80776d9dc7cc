package org.openutm.verification.operation.flightblender;

import static org.openutm.verification.operation.ParamDef.optional;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openutm.verification.clock.SimClock;
import org.openutm.verification.operation.ClientType;
import org.openutm.verification.operation.DataFiles;
import org.openutm.verification.operation.Generators;
import org.openutm.verification.operation.OperationContext;
import org.openutm.verification.operation.OperationDef;
import org.openutm.verification.operation.OperationFailure;
import org.openutm.verification.operation.ParamDef;
import org.openutm.verification.operation.ParamType;

/**
 * The Setup operations: declarations built from bounding-box files (start now + offset, end after the duration),
 * telemetry generated along a trajectory and remembered for Submit Telemetry, uploaded one by one or in bulk.
 */
final class SetupOperations {
  private SetupOperations() {
  }

  static List<OperationDef> all() {
    return List.of(
        OperationDef.builder("Setup Flight Declaration", ClientType.FLIGHT_BLENDER).phase(FbSupport.PRE)
            .doc("Builds a declaration from the bounding-box file (start now + 2 s, end now + 60 min) and telemetry "
                + "from the trajectory, uploads the declaration and remembers both.")
            .param(optional("flight_declaration_path", ParamType.STRING, null, "Bounding-box file; default data_files.flight_declaration."))
            .param(optional("trajectory_path", ParamType.STRING, null, "GeoJSON LineString; default data_files.trajectory."))
            .param(optional("telemetry_duration", ParamType.INTEGER, 30L, "Seconds of telemetry to generate."))
            .param(optional("altitude_m", ParamType.NUMBER, null, "Altitude of the generated telemetry (position.alt, metres; default 120)."))
            .timeout(a -> 60_000)
            .run((ctx, args) -> one(ctx, FbSupport.path(ctx, args.string("flight_declaration_path"), "flight_declaration"),
                FbSupport.path(ctx, args.string("trajectory_path"), "trajectory"), args.integer("telemetry_duration"),
                args.number("altitude_m"), false)),
        OperationDef.builder("Setup Flight Declaration via Operational Intent", ClientType.FLIGHT_BLENDER)
            .phase(FbSupport.PRE).doc("As Setup Flight Declaration, uploaded as an operational intent.")
            // required in the toolkit's signature, yet its own add_flight_declaration_via_operational_intent scenario
            // gives neither (and fails there): here both default to data_files (docs/compatibility.md)
            .param(optional("flight_declaration_via_operational_intent_path", ParamType.STRING, null,
                "Bounding-box file; default data_files.flight_declaration_via_operational_intent."))
            .param(optional("trajectory_path", ParamType.STRING, null, "GeoJSON LineString; default data_files.trajectory."))
            .timeout(a -> 60_000)
            .run((ctx, args) -> one(ctx, FbSupport.path(ctx, args.string("flight_declaration_via_operational_intent_path"),
                "flight_declaration_via_operational_intent"), FbSupport.path(ctx, args.string("trajectory_path"), "trajectory"),
                30L, null, true)),
        OperationDef.builder("Setup Two Flight Declarations", ClientType.FLIGHT_BLENDER).phase(FbSupport.PRE)
            .doc("Two declarations from the same bounding box, uploaded in bulk -> {declarations: [{id, start_datetime, end_datetime}] x2}.")
            .param(optional("flight_declaration_path", ParamType.STRING, null, "Bounding-box file."))
            .param(optional("trajectory_path", ParamType.STRING, null, "GeoJSON LineString."))
            .timeout(a -> 60_000)
            .run((ctx, args) -> {
              String p = FbSupport.path(ctx, args.string("flight_declaration_path"), "flight_declaration");
              return many(ctx, List.of(p, p), 2, 60, false);
            }),
        // no phase, as the toolkit declares it
        OperationDef.builder("Setup Two Flight Declarations With Paths", ClientType.FLIGHT_BLENDER)
            .doc("Two declarations from two bounding-box files, synchronised, uploaded in bulk.")
            .param(ParamDef.required("first_flight_declaration_path", ParamType.STRING, "First bounding-box file."))
            .param(ParamDef.required("second_flight_declaration_path", ParamType.STRING, "Second bounding-box file."))
            .param(optional("start_offset_seconds", ParamType.INTEGER, 2L, "Start in this many seconds."))
            .param(optional("duration_minutes", ParamType.INTEGER, 60L, "Length of the operations."))
            .timeout(a -> 60_000)
            .run((ctx, args) -> many(ctx, List.of(args.string("first_flight_declaration_path"),
                args.string("second_flight_declaration_path")), args.integer("start_offset_seconds"),
                args.integer("duration_minutes"), false)),
        // no phase, as the toolkit declares it
        OperationDef.builder("Setup Multiple Flight Declarations With Paths", ClientType.FLIGHT_BLENDER)
            .doc("N synchronised declarations from N bounding-box files (at least 2), uploaded in bulk.")
            .param(ParamDef.required("declaration_paths", ParamType.ARRAY, "Bounding-box files, two or more."))
            .param(optional("start_offset_seconds", ParamType.INTEGER, 2L, "Start in this many seconds."))
            .param(optional("duration_minutes", ParamType.INTEGER, 60L, "Length of the operations."))
            .timeout(a -> 120_000)
            .run((ctx, args) -> {
              JsonArray paths = args.array("declaration_paths");
              if (paths.size() < 2) {
                return Future.failedFuture(new OperationFailure("declaration_paths needs at least two files"));
              }
              return many(ctx, paths.stream().map(String::valueOf).toList(), args.integer("start_offset_seconds"),
                  args.integer("duration_minutes"), false);
            }),
        OperationDef.builder("Setup Two Operational Intents", ClientType.FLIGHT_BLENDER).phase(FbSupport.PRE)
            .doc("Two operational intents from the bounding-box file, uploaded in bulk.")
            .param(optional("flight_declaration_via_operational_intent_path", ParamType.STRING, null, "Bounding-box file."))
            .param(optional("trajectory_path", ParamType.STRING, null, "GeoJSON LineString."))
            .timeout(a -> 60_000)
            .run((ctx, args) -> {
              String p = FbSupport.path(ctx, args.string("flight_declaration_via_operational_intent_path"),
                  "flight_declaration_via_operational_intent");
              return many(ctx, List.of(p, p), 2, 60, true);
            }));
  }

  private static Future<JsonObject> one(OperationContext ctx, String bboxPath, String trajectoryPath, Long seconds,
      Double altitude, boolean intent) {
    Instant start = SimClock.now().plusSeconds(2);
    Instant end = start.plusSeconds(3600);
    return DataFiles.readObject(ctx, bboxPath).compose(box -> DataFiles.readObject(ctx, trajectoryPath).compose(traj -> {
      double[] b = Generators.bbox(box, bboxPath);
      JsonObject declaration = intent ? Generators.operationalIntent(b, start, end) : Generators.declaration(b, start, end, altitude);
      JsonArray telemetry = Generators.telemetry(Generators.lineString(traj, trajectoryPath),
          seconds == null ? 30 : seconds.intValue(), start, altitude);
      ctx.remember(FbSupport.TELEMETRY, telemetry);
      ctx.report(intent ? "flight_declaration_via_operational_intent_data" : "flight_declaration_data", declaration);
      ctx.report("telemetry_data", telemetry);
      return DeclarationOperations.submit(ctx, FbSupport.FD + (intent ? "/set_operational_intent" : "/set_flight_declaration"),
          declaration).map(r -> new JsonObject().put("id", r.getString("id")).put("start_datetime", start.toString())
              .put("end_datetime", end.toString()));
    }));
  }

  private static Future<JsonObject> many(OperationContext ctx, List<String> paths, long offset, long minutes,
      boolean intent) {
    Instant start = SimClock.now().plusSeconds(offset);
    Instant end = start.plusSeconds(minutes * 60);
    List<Future<JsonObject>> boxes = new ArrayList<>();
    paths.forEach(p -> boxes.add(DataFiles.readObject(ctx, p)));
    return Future.all(boxes).compose(all -> {
      JsonArray declarations = new JsonArray();
      for (int i = 0; i < paths.size(); i++) {
        double[] b = Generators.bbox(all.resultAt(i), paths.get(i));
        declarations.add(intent ? Generators.operationalIntent(b, start, end) : Generators.declaration(b, start, end, null));
      }
      String path = FbSupport.FD + (intent ? "/set_operational_intents_bulk" : "/set_flight_declarations_bulk");
      ctx.report("flight_declaration_data", declarations.getValue(0));
      ctx.report("flight_declarations_data", declarations);
      return DeclarationOperations.submitBulk(ctx, path, declarations).map(r -> {
        JsonArray out = new JsonArray();
        for (Object o : r.getJsonArray("results", new JsonArray())) {
          JsonObject res = (JsonObject) o;
          out.add(new JsonObject().put("id", res.getString("id")).put("start_datetime", start.toString())
              .put("end_datetime", end.toString()).put("is_approved", res.getValue("is_approved"))
              .put("state", res.getValue("state")));
        }
        return new JsonObject().put("declarations", out);
      });
    });
  }
}
