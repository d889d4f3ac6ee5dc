import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react()],
  // `@/…` imports resolve through the `paths` in tsconfig.json, declared once there.
  resolve: { tsconfigPaths: true },
  // The manifest maps each route's module to its chunks, for the bundle budgets.
  build: { manifest: true },
});
