/** Resolving the app's settings: the working directory must exist. */
import { statSync } from "node:fs";
import type { AppSettings } from "../../app/settings.js";
import { InputError } from "../../errors.js";
import type { AppInputName } from "../inputs/app.js";
import type { InputReader } from "../inputs/reader.js";
import type { ParsedApp } from "../parse/app.js";

export function resolveApp(parsed: ParsedApp, inputs: InputReader<AppInputName>): AppSettings | undefined {
  const dir = parsed.workingDirectory;
  if (statSync(dir, { throwIfNoEntry: false })?.isDirectory())
    return parsed.settings && { ...parsed.settings, workingDirectory: dir };
  inputs.report(
    "working-directory",
    new InputError(
      "working-directory",
      inputs.raw("working-directory"),
      `must be an existing directory (${dir} is not one)`,
    ),
  );
  return undefined;
}
