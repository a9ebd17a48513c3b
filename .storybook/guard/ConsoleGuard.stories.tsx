/**
 * The Storybook console guard's self-test, run with every story in `npm test` (only under Vitest:
 * see main.ts; `!dev` keeps it out of a sidebar even there). In the same page and runner as the real
 * stories, it causes each kind of problem and shows the guard catches it and fails with its message,
 * and that a story's expected entries accept exactly their own logs.
 */
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect } from "storybook/test";
import { BrowserProblemsError } from "../../test/support/browserProblems.js";
import { checkStoryConsole, currentStoryName } from "./storyConsoleGuard.js";

const meta = {
  title: "Internal/Console guard",
  tags: ["!dev"],
  render: () => <p>Console guard self-test</p>,
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 50));
const failureOf = (check: Promise<void>) => check.then(() => null, (error: unknown) => error);

/** A console.error, an uncaught error, an unhandled rejection and a 404: the check after the story fails with each. */
export const CatchesEveryKind: Story = {
  play: async () => {
    console.error("deliberate console.error", new Error("with an Error argument"));
    setTimeout(() => {
      throw new Error("deliberate uncaught error");
    });
    void Promise.reject(new Error("deliberate unhandled rejection"));
    // The story router answers an unknown story with a 404, which Chromium logs.
    await fetch("/sb-api/no-such-story/api/upgrade/plans");
    await nextTask();

    // The very check the guard runs after each story (it then finds nothing left: this story passes).
    const failure = await failureOf(checkStoryConsole());
    await expect(failure).toBeInstanceOf(BrowserProblemsError);
    const message = (failure as Error).message;
    await expect(message).toMatch(/^4 console error\(s\)/);
    await expect(message).toMatch(/- console\.error \(during Catches Every Kind\): deliberate console\.error Error: with an Error argument/);
    await expect(message).toMatch(/- uncaught error \(during Catches Every Kind\): Error: deliberate uncaught error/);
    await expect(message).toMatch(/- unhandled rejection \(during Catches Every Kind\): Error: deliberate unhandled rejection/);
    await expect(message).toMatch(
      /- browser log \(during Catches Every Kind\): Failed to load resource: the server responded with a status of 404 \(Not Found\) \(http:\/\/\S+\/sb-api\/no-such-story\/api\/upgrade\/plans\)/,
    );
  },
};

/** Its one expected log is accepted by the guard's own check after the story; an expected log that never comes fails. */
export const AcceptsOnlyWhatTheStoryExpects: Story = {
  parameters: {
    consoleGuard: {
      expected: [{ kind: "console.error", match: /^expected by this story$/, reason: "the self-test's deliberate log" }],
    },
  },
  play: async () => {
    // The setup file's hooks run around this story.
    await expect(currentStoryName()).toBe("Accepts Only What The Story Expects");

    const neverCame = await failureOf(checkStoryConsole([{ kind: "browser log", match: /status of 500/, reason: "a request never made" }]));
    await expect((neverCame as Error).message).toBe("1 expected browser problem(s) never came:\n  - browser log matching /status of 500/ (a request never made)");

    console.error("expected by this story");
    console.error("expected by this story, and more");
    const unexpected = await failureOf(checkStoryConsole([{ kind: "console.error", match: /^expected by this story$/, reason: "the self-test's deliberate log" }]));
    await expect((unexpected as Error).message).toMatch(/^1 console error\(s\).*\n.*: expected by this story, and more$/);

    // Left for the check after the story, which this story's parameters allow.
    console.error("expected by this story");
  },
};
