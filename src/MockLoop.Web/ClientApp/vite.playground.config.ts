import { defineConfig } from "vite";

// A local visual harness for the diagram canvas (src/canvas/playground); never part of the site's build.
export default defineConfig({
  root: __dirname,
  base: "./",
  esbuild: { jsx: "automatic" },
  build: {
    outDir: "/tmp/canvas-playground",
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: { input: { playground: "playground.html" } },
  },
});
