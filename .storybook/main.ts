import type { StorybookConfig } from "@storybook/react-vite";

const config: StorybookConfig = {
  // guard/: the console guard's self-test, only under Vitest (it needs the guard's setup file and
  // Vitest's browser commands), where every story is a test: `npm test`.
  stories: ["../stories/**/*.stories.@(ts|tsx)", ...(process.env.VITEST ? ["./guard/*.stories.tsx"] : [])],
  addons: ["@storybook/addon-docs", "@storybook/addon-a11y", "@storybook/addon-vitest"],
  framework: {
    name: "@storybook/react-vite",
    // Its own Vite config: the root one builds the library (lib mode, externals).
    options: { builder: { viteConfigPath: ".storybook/vite.config.ts" } },
  },
  // Serves msw's service worker (`npx msw init .storybook/public`).
  staticDirs: ["./public"],
  // TypeScript 7 has no JS compiler API, so react-docgen (Babel based) reads the props' types.
  typescript: { reactDocgen: "react-docgen" },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
};

export default config;
