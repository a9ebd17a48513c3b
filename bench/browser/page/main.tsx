/**
 * The bench page's script. The bench server builds it with "react-dom/client" aliased to React's
 * profiling build (production React with the Profiler on), so the page runs as an app's
 * production build does and still counts its commits.
 */
import { createRoot, hydrateRoot } from "react-dom/client";
import { BenchApp, createBenchQueryClient, type BenchPageConfig } from "./BenchApp.js";

/** One React commit under the Profiler, as the bench reads it back. */
export interface BenchCommit {
  phase: string;
  /** performance.now() at the commit. */
  at: number;
  /** Plan cards in the document at that commit. */
  cards: number;
  actualDuration: number;
  baseDuration: number;
}

declare global {
  interface Window {
    __BENCH__: BenchPageConfig;
    __benchCommits: BenchCommit[];
  }
}

performance.mark("bench:script");
const commits: BenchCommit[] = (window.__benchCommits = []);
const app = (
  <BenchApp
    config={window.__BENCH__}
    queryClient={createBenchQueryClient()}
    onCommit={(_id, phase, actualDuration, baseDuration) => {
      const cards = document.querySelectorAll("[data-plan-id]").length;
      commits.push({ phase, at: performance.now(), cards, actualDuration, baseDuration });
    }}
  />
);
const container = document.getElementById("root") as HTMLElement;
if (window.__BENCH__.state) hydrateRoot(container, app);
else createRoot(container).render(app);
