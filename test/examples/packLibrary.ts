/**
 * What the example tests share: the library as a user installs it (`npm run build` + `npm pack`),
 * and running a command with a failure that names the step.
 *
 * The build goes into a directory of its own, not the repository's dist/: test/package/build.test.ts
 * empties and rebuilds dist/ while other test files run. Same files, same bytes as `npm run build`.
 */
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const repositoryRoot = join(import.meta.dirname, "../..");
/** Where the example tests keep their installs between runs (outside the repository, see the tests). */
export const examplesCacheRoot = join(tmpdir(), "react-upgrade-kit-examples");
export const NPM = process.platform === "win32" ? "npm.cmd" : "npm";

export interface RunResult {
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  /** Merged over process.env; a key set to undefined is removed (e.g. Vitest's NODE_ENV=test). */
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
}

/** The child's environment: process.env with `env` over it, undefined values removed. */
export function childEnv(env: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const [key, value] of Object.entries(merged)) if (value === undefined) delete merged[key];
  return merged;
}

/** Runs a command; a failure names the step, the command and the end of its output. */
export function run(step: string, command: string, args: string[], options: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd: options.cwd, env: childEnv(options.env), timeout: options.timeoutMs ?? 240_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (!error) return resolve({ stdout, stderr });
        const tail = `${stdout}\n${stderr}`.trim().split("\n").slice(-40).join("\n");
        reject(new Error(`${step} failed: \`${command} ${args.join(" ")}\` in ${options.cwd} (${error.message.split("\n")[0]})\n${tail}`));
      },
    );
  });
}

let packed: Promise<string> | undefined;

/**
 * The packed library (`react-upgrade-kit-<version>.tgz`), built and packed once per test process,
 * into a directory of this process (two test files packing at once never share a file).
 */
export function packLibrary(): Promise<string> {
  packed ??= packOnce();
  return packed;
}

async function packOnce(): Promise<string> {
  const own = join(examplesCacheRoot, `pack-${process.pid}`);
  const stage = join(own, "stage");
  // Packs of processes that are gone are of no more use.
  for (const entry of existsSync(examplesCacheRoot) ? readdirSync(examplesCacheRoot) : []) {
    const pid = /^pack-(\d+)$/.exec(entry)?.[1];
    if (pid !== undefined && !isAlive(Number(pid))) rmSync(join(examplesCacheRoot, entry), { recursive: true, force: true });
  }
  rmSync(own, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  const node = process.execPath;
  await run("library build (vite)", node, [join(repositoryRoot, "node_modules/vite/bin/vite.js"), "build", "--outDir", join(stage, "dist"), "--emptyOutDir", "--logLevel", "warn"], {
    cwd: repositoryRoot,
    env: { NODE_ENV: "production" },
  });
  await run("library build (declarations)", node, [join(repositoryRoot, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json", "--outDir", join(stage, "dist")], {
    cwd: repositoryRoot,
  });
  const manifest = JSON.parse(readFileSync(join(repositoryRoot, "package.json"), "utf8")) as { files: string[] };
  for (const entry of ["package.json", ...manifest.files.filter((file) => file !== "dist")]) {
    cpSync(join(repositoryRoot, entry), join(stage, entry), { recursive: true });
  }
  const { stdout } = await run("npm pack", NPM, ["pack", "--json", "--pack-destination", own], { cwd: stage });
  rmSync(stage, { recursive: true, force: true });
  const [result] = JSON.parse(stdout) as { filename: string }[];
  if (!result) throw new Error(`npm pack printed no file: ${stdout}`);
  return join(own, result.filename);
}

/** Whether a process of this id is running (signal 0 only checks). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
