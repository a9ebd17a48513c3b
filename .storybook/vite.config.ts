// Storybook's Vite config (see main.ts): just React. The root vite.config.ts is the library build.
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react()],
});
