/** The JSON Schema file shipped for editors, and its exact text. */
import { scenariosJsonSchema } from "./schema.js";

/** Relative to the repository root. */
export const SCHEMA_FILE = "src/scenarios/scenarios.schema.json";

export function scenariosJsonSchemaText(): string {
  return `${JSON.stringify(scenariosJsonSchema(), null, 2)}\n`;
}
