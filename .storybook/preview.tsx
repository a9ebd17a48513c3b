import type { Decorator, Loader, Preview } from "@storybook/react-vite";
import { setupWorker } from "msw/browser";
import { mswLoader } from "msw-storybook-addon/csf3";
import "../src/components/styles.css";
import { mountStoryBackend, storyBackendHandler, type UpgradeKitParameters } from "../stories/support/storyBackend.js";
import { StoryProviders, type StoryTheme } from "../stories/support/StoryProviders.js";

/** msw-storybook-addon starts this worker once; its one handler routes each story to its backend. */
const startWorker = async () => {
  const worker = setupWorker(storyBackendHandler);
  await worker.start({ quiet: true, onUnhandledRequest: "bypass" });
  return worker;
};

/** A fresh backend per story load: stories never share purchases. */
const storyBackendLoader: Loader = async (context) => {
  mountStoryBackend(context.id, context.parameters.upgradeKit as UpgradeKitParameters | undefined);
  return {};
};

const withUpgradeKit: Decorator = (Story, context) => (
  <StoryProviders
    storyId={context.id}
    parameters={context.parameters.upgradeKit as UpgradeKitParameters | undefined}
    theme={(context.globals.theme as StoryTheme | undefined) ?? "light"}
    fill={context.viewMode === "story"}
  >
    <Story />
  </StoryProviders>
);

const preview: Preview = {
  loaders: [mswLoader(startWorker), storyBackendLoader],
  decorators: [withUpgradeKit],
  globalTypes: {
    theme: {
      description: "Light or dark (data-theme on the story's wrapper)",
      toolbar: { title: "Theme", icon: "circlehollow", items: ["light", "dark"], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: "light" },
  parameters: {
    layout: "fullscreen",
    // Every story is an accessibility test: a violation fails it (in Storybook and in `npm test`).
    a11y: { test: "error" },
    controls: { matchers: { color: /(background|color)$/i, date: /Date$/i } },
  },
};

export default preview;
