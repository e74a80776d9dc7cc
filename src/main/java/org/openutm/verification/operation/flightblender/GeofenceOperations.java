package org.openutm.verification.operation.flightblender;

import static org.openutm.verification.operation.ParamDef.optional;
import static org.openutm.verification.operation.flightblender.FbSupport.LATEST_GEOFENCE;
import static org.openutm.verification.operation.flightblender.FbSupport.fb;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.openutm.verification.operation.ClientType;
import org.openutm.verification.operation.DataFiles;
import org.openutm.verification.operation.OperationDef;
import org.openutm.verification.operation.ParamType;

/** Geofences: upload a GeoJSON file, read the latest back, delete. */
final class GeofenceOperations {
  private GeofenceOperations() {
  }

  static List<OperationDef> all() {
    return List.of(
        OperationDef.builder("Upload Geo Fence", ClientType.FLIGHT_BLENDER).phase(FbSupport.PRE)
            .doc("Uploads a GeoJSON geofence (default data_files.geo_fence) and remembers its id.")
            .param(optional("filename", ParamType.STRING, null, "The GeoJSON file; default data_files.geo_fence."))
            .timeout(a -> 30_000)
            .run((ctx, args) -> DataFiles.readObject(ctx, FbSupport.path(ctx, args.string("filename"), "geo_fence"))
                .compose(g -> fb(ctx).expect(ctx, HttpMethod.PUT, "/geo_fence_ops/set_geo_fence", g, 200, 201))
                .map(r -> {
                  JsonObject j = r.json();
                  ctx.remember(LATEST_GEOFENCE, j.getString("id"));
                  return j;
                })),
        OperationDef.builder("Get Geo Fence", ClientType.FLIGHT_BLENDER).phase(FbSupport.PRE)
            .doc("Reads the latest uploaded geofence back; {\"skipped\": true} when none was uploaded.")
            .timeout(a -> 30_000)
            .run((ctx, args) -> {
              String id = ctx.clientState().getString(LATEST_GEOFENCE);
              if (id == null) {
                return Future.succeededFuture(new JsonObject().put("skipped", true));
              }
              return fb(ctx).expect(ctx, HttpMethod.GET, "/geo_fence_ops/geo_fence/" + id, null, 200).map(r -> r.json());
            }),
        OperationDef.builder("Delete Geo Fence", ClientType.FLIGHT_BLENDER).phase(FbSupport.POST)
            .doc("Deletes a geofence (default the latest uploaded).")
            .param(optional("geo_fence_id", ParamType.STRING, null, "The geofence id; default the latest."))
            .timeout(a -> 30_000)
            .run((ctx, args) -> {
              String id = args.string("geo_fence_id") != null ? args.string("geo_fence_id")
                  : ctx.clientState().getString(LATEST_GEOFENCE);
              if (id == null) {
                return Future.succeededFuture(new JsonObject().put("skipped", true));
              }
              return fb(ctx).expect(ctx, HttpMethod.DELETE, "/geo_fence_ops/geo_fence/" + id + "/delete", null, 200, 204)
                  .map(r -> new JsonObject().put("deleted", true).put("id", id));
            }));
  }
}
