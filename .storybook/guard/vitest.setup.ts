/**
 * The Storybook project's console guard (issue 8: zero console errors and zero unhandled rejections
 * across the browser test suites), a Vitest setup file: a `console.error`, uncaught error, unhandled
 * rejection or Chromium error log ("Failed to load resource: …") fails the story test during which
 * it happened, with the messages in the failure (storyConsoleGuard.ts records them).
 *
 * A story that causes one on purpose says so, and why, in its parameters; each expected entry must
 * then be seen, and nothing else is accepted:
 *   parameters: { consoleGuard: { expected: [{ kind: "browser log", match: /status of 500/, reason: "…" }] } }
 */
import { afterAll, afterEach, beforeAll, beforeEach, type TestContext } from "vitest";
import { checkStoryConsole, collectChromiumLog, setCurrentStory, type ConsoleGuardParameters } from "./storyConsoleGuard.js";

type StoryTestContext = TestContext & { story?: { parameters?: { consoleGuard?: ConsoleGuardParameters } } };

// Starts watching Chromium's log for this page; anything logged before the first story counts for it.
beforeAll(collectChromiumLog);
beforeEach((context) => {
  setCurrentStory(context.task.name);
});
afterEach(async (context: StoryTestContext) => {
  try {
    await checkStoryConsole(context.story?.parameters?.consoleGuard?.expected);
  } finally {
    setCurrentStory(undefined);
  }
});
// What came after the last story's check (a late answer, an unmount) fails the file.
afterAll(() => checkStoryConsole());
