import { defineConfig } from 'vite';

// report.html's map script: src/reportmap.ts with Leaflet, one self-contained IIFE that the service inlines into
// each report (target/classes/report-assets/report-map.js).
export default defineConfig({
  build: {
    outDir: '../target/classes/report-assets',
    emptyOutDir: false,
    lib: { entry: 'src/reportmap.ts', formats: ['iife'], name: 'OpenUtmReportMap', fileName: () => 'report-map.js' },
  },
});
