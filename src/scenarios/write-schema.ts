/**
 * Writes src/scenarios/scenarios.schema.json from the zod schema (a unit test checks the two
 * are in step): `node scripts/run-ts.mjs src/scenarios/write-schema.ts`.
 */
import { writeFileSync } from "node:fs";
import { SCHEMA_FILE, scenariosJsonSchemaText } from "./schema-file.js";

writeFileSync(SCHEMA_FILE, scenariosJsonSchemaText());
console.log(`wrote ${SCHEMA_FILE}`);
