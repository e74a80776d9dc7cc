package org.openutm.verification.report;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * report.html's map: {@code report-assets/report-map.js} (the editor's map drawing, webroot/src/mapdraw.ts, built by
 * the npm build with Leaflet into one script) and Leaflet's stylesheet, inlined, so the file stays self-contained and
 * makes no network request; the features as GeoJSON
 * in the page; a tile layer only when {@code reporting.map_tiles} names a tile URL. Without the Leaflet files (a build
 * that skipped npm) the SVG drawing of the same features stands alone.
 */
final class ReportMap {
  private static final String LEAFLET_CSS = read("/report-assets/leaflet.css");
  private static final String SCRIPT = read("/report-assets/report-map.js");

  private ReportMap() {
  }

  static boolean interactive() {
    return LEAFLET_CSS != null && SCRIPT != null;
  }

  /** The map's element: its GeoJSON, and the SVG that Leaflet replaces. */
  static String container(MapData map, String tiles) {
    String json = map.features().encode().replace("<", "\\u003c");
    return "<div class=\"lmap\"" + (tiles == null ? "" : " data-tiles=\"" + HtmlReport.esc(tiles) + "\"")
        + "><script type=\"application/json\" class=\"map-data\">" + json + "</script>" + map.svg(720, 420) + "</div>";
  }

  /** Leaflet and the map script, once per page (after the maps). */
  static String scripts() {
    return "<style>" + LEAFLET_CSS + CSS + "</style><script>" + SCRIPT.replace("</script", "<\\/script") + "</script>";
  }

  /** The tile URL template of {@code reporting.map_tiles} in the report's config, or null. */
  static String tiles(JsonObject report) {
    Object t = report.getJsonObject("config", new JsonObject()).getJsonObject("reporting", new JsonObject())
        .getValue("map_tiles");
    return t instanceof String s && !s.isBlank() ? s : null;
  }

  private static final String CSS = ".lmap.leaflet-map{width:100%;max-width:960px;height:460px;background:#f7f9fb;"
      + "border:1px solid #dde}.map-legend{background:#fff;padding:4px 8px;border-radius:4px;font-size:12px;"
      + "box-shadow:0 1px 3px #0003}.map-legend .swatch{display:inline-block;width:12px;height:4px;margin-right:6px;"
      + "vertical-align:middle}";

  private static String read(String resource) {
    try (InputStream in = ReportMap.class.getResourceAsStream(resource)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }
}
