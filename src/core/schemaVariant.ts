/**
 * The schema kit's combinators for tagged answers (one of several object shapes, told apart by a
 * string field). Apart from schemaKit.ts because only the provision answer uses them, and that
 * schema loads lazily (see provisionResultSchema.ts): this keeps them out of a page's first load.
 */
import { describe, fail, FAILED, isPlainObject, primitive, type Infer, type Schema } from "./schemaKit.js";

/* @__NO_SIDE_EFFECTS__ */
export function literal<const Value extends string>(value: Value): Schema<Value> {
  return primitive(`"${value}"`, (input): input is Value => input === value);
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
