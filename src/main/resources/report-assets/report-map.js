// report.html's maps: each .lmap element holds its features as GeoJSON (MapData.features) and an SVG drawing of them
// for readers without script. With Leaflet inlined beside this file, the SVG is replaced by a map fitted to the
// flight: a graticule, a scale bar, a legend, and a tile layer only when reporting.map_tiles names one.
(function () {
  'use strict';
  var STYLE = {
    declaration: { color: '#2f6fe4', weight: 2, fillColor: '#cfe3ff', fillOpacity: 0.45 },
    geofence: { color: '#c33', weight: 2, fillColor: '#f3c5c5', fillOpacity: 0.45 },
    telemetry: { color: '#1f9d49', weight: 3 },
    traffic: { color: '#e8a317', weight: 2 },
    cpa: { color: '#c0392b', weight: 2, dashArray: '4 3' },
    encounter: { color: '#c0392b', weight: 2, radius: 7, fill: false }
  };
  var LEGEND = [['declaration', 'declaration'], ['geofence', 'geofence'], ['telemetry', 'telemetry'],
    ['traffic', 'air traffic'], ['encounter', 'DAA closest approach']];

  function niceStep(span) {
    var raw = span / 6;
    var p = Math.pow(10, Math.floor(Math.log10(raw)));
    var steps = [1, 2, 5, 10];
    for (var i = 0; i < steps.length; i++) {
      if (steps[i] * p >= raw) { return steps[i] * p; }
    }
    return 10 * p;
  }

  // lines every "nice" step of the fitted view, drawn well past it so that panning and zooming out keep them
  function graticule(map, view) {
    var step = niceStep(Math.max(view.getNorth() - view.getSouth(), view.getEast() - view.getWest(), 1e-5));
    var bounds = view.pad(3);
    var s = bounds.getSouth(), n = bounds.getNorth(), w = bounds.getWest(), e = bounds.getEast();
    var style = { color: '#b8c0cc', weight: 0.6, interactive: false };
    var g = L.layerGroup();
    for (var lat = Math.floor(s / step) * step; lat <= n; lat += step) {
      g.addLayer(L.polyline([[lat, w], [lat, e]], style));
    }
    for (var lon = Math.floor(w / step) * step; lon <= e; lon += step) {
      g.addLayer(L.polyline([[s, lon], [n, lon]], style));
    }
    return g.addTo(map);
  }

  function legend(map, kinds) {
    var control = L.control({ position: 'topright' });
    control.onAdd = function () {
      var div = L.DomUtil.create('div', 'map-legend');
      LEGEND.forEach(function (entry) {
        if (!kinds[entry[0]]) { return; }
        var row = L.DomUtil.create('div', '', div);
        var swatch = L.DomUtil.create('span', 'swatch', row);
        swatch.style.background = STYLE[entry[0]].color;
        row.appendChild(document.createTextNode(entry[1]));
      });
      return div;
    };
    control.addTo(map);
  }

  function draw(el) {
    var data = JSON.parse(el.querySelector('script.map-data').textContent);
    var tiles = el.getAttribute('data-tiles');
    el.innerHTML = '';
    el.classList.add('leaflet-map');
    var map = L.map(el, { attributionControl: !!tiles, zoomSnap: 0.25 });
    if (tiles) { L.tileLayer(tiles, { maxZoom: 20 }).addTo(map); }
    var kinds = {};
    var layer = L.geoJSON(data, {
      style: function (f) { return STYLE[f.properties.kind] || {}; },
      pointToLayer: function (f, latlng) { return L.circleMarker(latlng, STYLE[f.properties.kind] || {}); },
      onEachFeature: function (f, l) {
        kinds[f.properties.kind] = true;
        var label = f.properties.kind + (f.properties.id ? ' ' + f.properties.id : '')
          + (f.properties.level !== undefined ? ', alert level ' + f.properties.level : '');
        l.bindTooltip(label, { sticky: true });
        if (l.getElement) { l.options.className = 'kind-' + f.properties.kind; }
      }
    });
    var bounds = layer.getBounds();
    map.fitBounds(bounds.pad(0.08));
    if (!tiles) { graticule(map, map.getBounds()); }
    layer.addTo(map);
    layer.eachLayer(function (l) {
      var el2 = l.getElement && l.getElement();
      if (el2 && l.feature) { el2.classList.add('kind-' + l.feature.properties.kind); }
    });
    L.control.scale({ imperial: false }).addTo(map);
    legend(map, kinds);
  }

  if (typeof L === 'undefined') { return; }
  document.querySelectorAll('.lmap').forEach(draw);
})();
