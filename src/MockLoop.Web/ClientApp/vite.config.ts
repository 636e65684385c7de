import { defineConfig } from "vitest/config";

// The client is built into the web project's wwwroot/app; the server reads .vite/manifest.json to find the
// hashed entry files. No @vitejs/plugin-react: esbuild's automatic JSX runtime is all a production build needs.
export default defineConfig({
  base: "/app/",
  esbuild: { jsx: "automatic" },
  build: {
    outDir: "../wwwroot/app",
    emptyOutDir: true,
    manifest: true,
    sourcemap: true,
    rollupOptions: {
      input: { room: "src/room/main.tsx", lobby: "src/lobby/main.tsx" },
    },
  },
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
    environment: "node",
    // The heavy property tests take seconds on a loaded 2-core machine; 5 s (the default) made them fail there.
    testTimeout: 60_000,
  },
});
