/**
 * Resolving the app's settings: `services` read (from its file, when it names one) and checked,
 * with the YAML parser loaded only then; every working directory must exist.
 */
import { readFileSync, statSync } from "node:fs";
import type { AppSettings, ServiceSettings } from "../../app/settings.js";
import { InputError } from "../../errors.js";
import { fileTooLarge, loadYaml, YAML_INPUT_LIMITS } from "../../util/yaml.js";
import type { AppInputName } from "../inputs/app.js";
import type { InputReader } from "../inputs/reader.js";
import type { ParsedApp } from "../parse/app.js";
import { shorten } from "../parse/idp.js";
import { parseServiceList, SERVICES_INPUT } from "../parse/services.js";

const isDirectory = (dir: string) => statSync(dir, { throwIfNoEntry: false })?.isDirectory() === true;

export async function resolveApp(
  parsed: ParsedApp,
  inputs: InputReader<AppInputName>,
): Promise<AppSettings | undefined> {
  const dir = parsed.workingDirectory;
  if (!isDirectory(dir)) {
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
  const services = parsed.single ? [parsed.single] : await readServices(parsed, inputs);
  return services && parsed.common && { ...parsed.common, services, workingDirectory: dir };
}

async function readServices(
  parsed: ParsedApp,
  inputs: InputReader<AppInputName>,
): Promise<ServiceSettings[] | undefined> {
  const source = parsed.services;
  if (source.kind === "none") return undefined;
  const raw = inputs.raw(SERVICES_INPUT);
  let text = source.kind === "inline" ? source.text : "";
  let where = "";
  if (source.kind === "file") {
    if (!statSync(source.file, { throwIfNoEntry: false })?.isFile()) {
      inputs.report(
        SERVICES_INPUT,
        new InputError(
          SERVICES_INPUT,
          raw,
          `must be a YAML list of services, or the path of a file holding one (${source.file} does not exist)`,
        ),
      );
      return undefined;
    }
    const large = fileTooLarge(source.file);
    if (large !== undefined) {
      inputs.report(SERVICES_INPUT, new InputError(SERVICES_INPUT, raw, large));
      return undefined;
    }
    text = readFileSync(source.file, "utf8");
    where = ` (in ${source.file})`;
  } else if (Buffer.byteLength(text) > YAML_INPUT_LIMITS.bytes) {
    inputs.report(
      SERVICES_INPUT,
      new InputError(
        SERVICES_INPUT,
        shorten(text),
        `is too large: at most ${YAML_INPUT_LIMITS.bytes} bytes (1 MiB)`,
      ),
    );
    return undefined;
  }
  const yaml = await loadYaml();
  const document = yaml.parseDocument(text);
  const error = document.errors[0];
  if (error) {
    const line = error.linePos?.[0]?.line;
    const reason = (error.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "").trim();
    const at = line === undefined ? "" : ` at line ${line}`;
    const shown = line === undefined ? shorten(text) : shorten(text.split("\n")[line - 1] ?? "");
    inputs.report(
      SERVICES_INPUT,
      new InputError(SERVICES_INPUT, shown, `is not valid YAML${where}${at}: ${reason}`),
    );
    return undefined;
  }
  let list: unknown;
  try {
    list = document.toJS({ maxAliasCount: YAML_INPUT_LIMITS.aliases });
  } catch (error) {
    const detail = ((error as Error).message.split("\n")[0] ?? "").trim();
    inputs.report(
      SERVICES_INPUT,
      new InputError(
        SERVICES_INPUT,
        shorten(text),
        `expands its YAML aliases (*name) too far${where}: ${detail}`,
      ),
    );
    return undefined;
  }
  const result = parseServiceList(list, parsed.defaults);
  if ("problems" in result) {
    for (const problem of result.problems) inputs.report(SERVICES_INPUT, problem);
    return undefined;
  }
  const missing = result.services.filter((s) => !isDirectory(s.workingDirectory));
  for (const s of missing) {
    inputs.report(
      SERVICES_INPUT,
      new InputError(
        SERVICES_INPUT,
        s.workingDirectory,
        `has a problem in service "${s.name}": "working-directory" must be an existing directory${where}`,
      ),
    );
  }
  return missing.length > 0 ? undefined : result.services;
}
