/**
 * Runs heapRun.ts in a child process with `--expose-gc`, so its heap is its own and a full GC can
 * be forced before heapUsed is read.
 */
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";

export interface HeapBenchReport {
  provisions: number;
  /** Simulated milliseconds between two provisions. */
  stepMs: number;
  /** Answered 200 (SUCCESS or PAYMENT_REQUIRED). */
  provisioned: number;
  statuses: Record<number, number>;
  elapsedMs: number;
  /** heapUsed after GC with the handler warmed up, before the run. */
  baselineHeapUsedBytes: number;
  /** heapUsed after GC at the end of the run. */
  heapUsedBytes: number;
  /** The highest heapUsed seen during the run, without forcing GC (garbage included). */
  peakHeapUsedBytes: number;
  /** Sampled keys answered within the 24 h window, replayed at the end... */
  replaysTried: number;
  /** ...and answered from the store with the first answer. */
  replaysServed: number;
  /** Sampled keys older than the window (the store may have forgotten them). */
  expiredTried: number;
  expiredReplayed: number;
  failures: string[];
  oldestReplayMinutes: number;
}

export async function runHeapBench(options: { provisions: number; stepMs?: number }): Promise<HeapBenchReport> {
  const entry = fileURLToPath(new URL("./heapRun.ts", import.meta.url));
  const child = fork(entry, [String(options.provisions), String(options.stepMs ?? 1000)], {
    execArgv: ["--expose-gc", "--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`heap run exited with ${code}`)));
    child.once("message", (message: HeapBenchReport) => {
      child.kill();
      resolve(message);
    });
  });
}
