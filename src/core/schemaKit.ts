/**
 * A tiny schema kit: just the combinators the contract needs, with static type inference and
 * dotted issue paths. It replaced valibot because the budget of the whole paywall is 10 KiB gzip and
 * valibot alone took 3 KiB of it (bench/schema-size/measure.ts compares the three).
 *
 * A schema is a function that returns the parsed value, or FAILED after recording an issue.
 * Objects keep only the keys their shape names (extra fields are ignored). `optional` accepts
 * absent and null and yields `undefined`; keys whose value is `undefined` are left out.
 * The combinators are marked free of side effects so bundlers drop the schemas a bundle never uses
 * (the browser never needs the request-body schema).
 */

export interface SchemaIssue {
  /** Dotted path to the failing value, e.g. "plans.0.order"; "" for the root. */
  path: string;
  message: string;
}

export const FAILED: unique symbol = Symbol("schema-failed");
/**
 * Arrays and records stop being walked once this many issues are known: a broken 5 MB answer
 * would otherwise block the page for seconds and hold millions of issues (found by the fault suite).
 */
export const MAX_ISSUES = 10;
type Path = readonly (string | number)[];
export type Schema<T> = (input: unknown, path: Path, issues: SchemaIssue[]) => T | typeof FAILED;
export type Infer<S> = S extends Schema<infer T> ? T : never;

export function fail(issues: SchemaIssue[], path: Path, message: string): typeof FAILED {
  issues.push({ path: path.join("."), message });
  return FAILED;
}

/** What was found instead, briefly: its JSON type. */
export function describe(input: unknown): string {
  return input === null ? "null" : Array.isArray(input) ? "array" : typeof input;
}

/* @__NO_SIDE_EFFECTS__ */
export function primitive<T>(name: string, accepts: (input: unknown) => input is T): Schema<T> {
  return (input, path, issues) =>
    accepts(input) ? input : fail(issues, path, `Expected ${name}, got ${describe(input)}`);
}

export const string = primitive("a string", (input): input is string => typeof input === "string");
export const number = primitive(
  "a number",
  (input): input is number => typeof input === "number" && Number.isFinite(input),
);
export const boolean = primitive("a boolean", (input): input is boolean => typeof input === "boolean");

/** `schema`, plus a check on its value; `message` says what was expected. */
/* @__NO_SIDE_EFFECTS__ */
export function refine<T>(schema: Schema<T>, check: (value: T) => boolean, message: string): Schema<T> {
  return (input, path, issues) => {
    const value = schema(input, path, issues);
    if (value === FAILED) return FAILED;
    return check(value) ? value : fail(issues, path, `Expected ${message}`);
  };
}

/* @__NO_SIDE_EFFECTS__ */
export function picklist<const Options extends readonly string[]>(options: Options): Schema<Options[number]> {
  return primitive(
    `one of ${options.join(", ")}`,
    (input): input is Options[number] => typeof input === "string" && options.includes(input),
  );
}

/* @__NO_SIDE_EFFECTS__ */
export function literal<const Value extends string>(value: Value): Schema<Value> {
  return primitive(`"${value}"`, (input): input is Value => input === value);
}

/** Absent or null → `undefined`. */
/* @__NO_SIDE_EFFECTS__ */
export function optional<T>(schema: Schema<T>): Schema<T | undefined> {
  return (input, path, issues) => (input === undefined || input === null ? undefined : schema(input, path, issues));
}

/** Absent → `undefined`, null stays null. */
/* @__NO_SIDE_EFFECTS__ */
export function nullish<T>(schema: Schema<T>): Schema<T | null | undefined> {
  return (input, path, issues) =>
    input === undefined ? undefined : input === null ? null : schema(input, path, issues);
}

/* @__NO_SIDE_EFFECTS__ */
export function array<T>(item: Schema<T>): Schema<T[]> {
  return (input, path, issues) => {
    if (!Array.isArray(input)) return fail(issues, path, `Expected an array, got ${describe(input)}`);
    const output: T[] = [];
    for (let index = 0; index < input.length && issues.length < MAX_ISSUES; index++) {
      const value = item(input[index], [...path, index], issues);
      if (value !== FAILED) output.push(value);
    }
    // Shorter when an element failed, or when the walk stopped early (so issues exist).
    return output.length < input.length ? FAILED : output;
  };
}

export function isPlainObject(input: unknown): input is Record<string, unknown> {
  return typeof input === "object" && input !== null && !Array.isArray(input);
}

/* @__NO_SIDE_EFFECTS__ */
export function record<T>(value: Schema<T>): Schema<Record<string, T>> {
  return (input, path, issues) => {
    if (!isPlainObject(input)) return fail(issues, path, `Expected an object, got ${describe(input)}`);
    const output: Record<string, T> = {};
    let failed = false;
    for (const [key, element] of Object.entries(input)) {
      if (issues.length >= MAX_ISSUES) return FAILED;
      const parsed = value(element, [...path, key], issues);
      if (parsed === FAILED) failed = true;
      else output[key] = parsed;
    }
    return failed ? FAILED : output;
  };
}

type Shape = Record<string, Schema<unknown>>;
type Simplify<T> = { [K in keyof T]: T[K] } & {};
type RequiredKeys<S extends Shape> = { [K in keyof S]: undefined extends Infer<S[K]> ? never : K }[keyof S];
type OptionalKeys<S extends Shape> = Exclude<keyof S, RequiredKeys<S>>;
export type ObjectOutput<S extends Shape> = Simplify<
  { [K in RequiredKeys<S>]: Infer<S[K]> } & { [K in OptionalKeys<S>]?: Infer<S[K]> }
>;

/* @__NO_SIDE_EFFECTS__ */
export function object<S extends Shape>(shape: S): Schema<ObjectOutput<S>> {
  return (input, path, issues) => {
    if (!isPlainObject(input)) return fail(issues, path, `Expected an object, got ${describe(input)}`);
    const output: Record<string, unknown> = {};
    let failed = false;
    for (const key of Object.keys(shape)) {
      const value = (shape[key] as Schema<unknown>)(input[key], [...path, key], issues);
      if (value === FAILED) failed = true;
      else if (value !== undefined) output[key] = value;
    }
    return failed ? FAILED : (output as ObjectOutput<S>);
  };
}

/** One of several object schemas, chosen by the string in `key`. */
/* @__NO_SIDE_EFFECTS__ */
export function variant<K extends string, Options extends Record<string, Schema<unknown>>>(
  key: K,
  options: Options,
): Schema<Infer<Options[keyof Options]>> {
  return (input, path, issues) => {
    if (!isPlainObject(input)) return fail(issues, path, `Expected an object, got ${describe(input)}`);
    const tag = input[key];
    const option = typeof tag === "string" && Object.hasOwn(options, tag) ? options[tag] : undefined;
    if (!option) {
      return fail(issues, [...path, key], `Expected one of ${Object.keys(options).join(", ")}`);
    }
    return option(input, path, issues) as Infer<Options[keyof Options]> | typeof FAILED;
  };
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: SchemaIssue[] };

/** Issues as one line, "plans.0.order: expected a number; …" (a root issue without its path), at most `max`. */
export function formatSchemaIssues(issues: readonly SchemaIssue[], max = Number.POSITIVE_INFINITY): string {
  const shown = issues.slice(0, max).map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message));
  return shown.join("; ") + (issues.length > max ? ` (and ${issues.length - max} more)` : "");
}

/** Validates `input`; never throws. */
export function parseWith<T>(schema: Schema<T>, input: unknown): ParseResult<T> {
  const issues: SchemaIssue[] = [];
  const value = schema(input, [], issues);
  return value === FAILED ? { ok: false, issues } : { ok: true, value };
}
