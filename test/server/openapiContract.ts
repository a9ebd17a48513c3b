/**
 * openapi.yaml as a validator of real responses: finds the documented answer for a request's path,
 * method and status, and checks the body (JSON Schema 2020-12, which OpenAPI 3.1 schemas are) and
 * the required headers against it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parse } from "yaml";

export const OPENAPI_PATH = join(import.meta.dirname, "../../openapi.yaml");

interface MediaType {
  schema?: unknown;
}
interface ResponseObject {
  description: string;
  headers?: Record<string, { required?: boolean }>;
  content?: Record<string, MediaType>;
}
interface Operation {
  responses: Record<string, ResponseObject | { $ref: string }>;
  requestBody?: { content: Record<string, MediaType> };
}
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation | unknown>>;
  components: { responses: Record<string, ResponseObject>; schemas: Record<string, unknown> };
}

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

export function loadOpenApi(): OpenApiDocument {
  return parse(readFileSync(OPENAPI_PATH, "utf8")) as OpenApiDocument;
}

/**
 * The document with every object schema closed (`additionalProperties: false`): validating a value
 * that has every field of the contract against it fails on any field the document does not name.
 */
export function closeObjectSchemas<T>(node: T): T {
  if (Array.isArray(node)) return node.map(closeObjectSchemas) as T;
  if (typeof node !== "object" || node === null) return node;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) copy[key] = closeObjectSchemas(value);
  if ("properties" in copy && !("additionalProperties" in copy)) copy.additionalProperties = false;
  return copy as T;
}

export function createContractValidator(document: OpenApiDocument = loadOpenApi()) {
  // Not strict: OpenAPI adds keywords (discriminator, description texts) that plain JSON Schema lacks.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(document, "openapi.yaml");
  ajv.addSchema(closeObjectSchemas(document), "openapi-closed.yaml");

  function pointer(...segments: string[]): string {
    return `openapi.yaml#/${segments.map((segment) => segment.replaceAll("~", "~0").replaceAll("/", "~1")).join("/")}`;
  }

  function validate(ref: string, value: unknown): string[] {
    const check = ajv.getSchema(ref);
    if (!check) throw new Error(`no schema at ${ref}`);
    if (check(value)) return [];
    return (check.errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message ?? "is invalid"}`);
  }

  function operation(pathTemplate: string, method: string): Operation {
    const found = document.paths[pathTemplate]?.[method.toLowerCase()];
    if (!found) throw new Error(`openapi.yaml documents no ${method} ${pathTemplate}`);
    return found as Operation;
  }

  /**
   * A 405 answers a method the route does not have, so it is documented on the route's operations;
   * any of them will do, they share the MethodNotAllowed response.
   */
  function operationFor(pathTemplate: string, method: string, status: number): [string, Operation] {
    const item = document.paths[pathTemplate] ?? {};
    if (status === 405 && !(method.toLowerCase() in item)) {
      const documented = HTTP_METHODS.find((candidate) => candidate in item);
      if (documented) return [documented, operation(pathTemplate, documented)];
    }
    return [method.toLowerCase(), operation(pathTemplate, method)];
  }

  function responseFor(pathTemplate: string, method: string, status: number): { answer: ResponseObject; ref: string[] } {
    const [documentedMethod, { responses }] = operationFor(pathTemplate, method, status);
    const entry = responses[String(status)];
    if (!entry) throw new Error(`openapi.yaml documents no ${status} for ${method} ${pathTemplate}`);
    if ("$ref" in entry) {
      const name = entry.$ref.split("/").pop()!;
      return { answer: document.components.responses[name]!, ref: ["components", "responses", name] };
    }
    return { answer: entry, ref: ["paths", pathTemplate, documentedMethod, "responses", String(status)] };
  }

  return {
    /** Problems of a real response against the documentation; empty when it conforms. Reads the body. */
    async checkResponse(pathTemplate: string, method: string, response: Response): Promise<string[]> {
      const { answer, ref } = responseFor(pathTemplate, method, response.status);
      const problems: string[] = [];
      for (const [name, header] of Object.entries(answer.headers ?? {})) {
        if (header.required && !response.headers.has(name)) problems.push(`missing header ${name}`);
      }
      const mediaType = (response.headers.get("content-type") ?? "").split(";")[0]!.trim();
      const text = await response.text();
      if (!answer.content) {
        if (text !== "") problems.push(`documented without a body, got ${mediaType}`);
        return problems;
      }
      const media = answer.content[mediaType];
      if (!media) return [...problems, `undocumented content type ${mediaType || "(none)"} for ${response.status}`];
      if (mediaType !== "application/json") return problems;
      return [...problems, ...validate(pointer(...ref, "content", mediaType, "schema"), JSON.parse(text))];
    },

    /** Problems of `value` against a component schema with no undocumented field allowed. */
    checkEveryFieldDocumented(schemaName: string, value: unknown): string[] {
      return validate(`openapi-closed.yaml#/components/schemas/${schemaName}`, value);
    },

    /** Problems of a request body against the operation's documented body. */
    checkRequestBody(pathTemplate: string, method: string, body: unknown): string[] {
      operation(pathTemplate, method);
      const bodyPath = ["requestBody", "content", "application/json", "schema"];
      return validate(pointer("paths", pathTemplate, method.toLowerCase(), ...bodyPath), body);
    },
  };
}
