/**
 * Resolving the identity provider's settings: the test users are read (from their file) and
 * parsed as YAML or JSON, with the YAML parser loaded only when there are users to read; the
 * client secret is generated once for the run.
 */
import { readFileSync, statSync } from "node:fs";
import { InputError } from "../../errors.js";
import type { IdpUser } from "../../idp/index.js";
import { DEFAULT_USERS, type IdpRunSettings, type IdpSettings, newClientSecret } from "../../idp/settings.js";
import { fileTooLarge, parseYamlInput } from "../../util/yaml.js";
import type { IdpInputName } from "../inputs/idp.js";
import type { InputReader } from "../inputs/reader.js";
import { checkUsers, type ParsedIdp, parseUsersSource, shorten, type UsersSource } from "../parse/idp.js";

/** The test users from their source; `raw` is the input as given, for messages. */
export async function loadIdpUsers(input: string, raw: string, source: UsersSource): Promise<IdpUser[]> {
  if (source.kind === "default") return [...DEFAULT_USERS];
  let text: string;
  let where = "";
  if (source.kind === "file") {
    if (!statSync(source.file, { throwIfNoEntry: false })?.isFile()) {
      throw new InputError(
        input,
        raw,
        `must be YAML or JSON listing the test users, or the path of such a file (${source.file} does not exist)`,
      );
    }
    const tooLarge = fileTooLarge(source.file);
    if (tooLarge !== undefined) throw new InputError(input, raw, tooLarge);
    text = readFileSync(source.file, "utf8");
    where = ` (in ${source.file})`;
  } else {
    text = source.text;
  }
  const parsed = await parseYamlInput(text);
  if (!parsed.ok) throw new InputError(input, shorten(raw), `${parsed.problem}${where}: ${parsed.detail}`);
  return checkUsers(input, shorten(raw), where, parsed.data);
}

/**
 * Test users: YAML or JSON inline, or a file path (resolved against `cwd`). Empty: the
 * default user alice. Either a list of users or `{users: [...]}`.
 */
export function parseIdpUsers(input: string, raw: string, cwd: string = process.cwd()): Promise<IdpUser[]> {
  return loadIdpUsers(input, raw, parseUsersSource(input, raw, cwd));
}

/** The settings with their users read; an invalid users input is reported and the default used. */
export async function resolveIdp(parsed: ParsedIdp, inputs: InputReader<IdpInputName>): Promise<IdpSettings> {
  const input = "idp-users";
  let users: IdpUser[];
  try {
    users = await loadIdpUsers(input, inputs.raw(input), parsed.users);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    inputs.report(input, error);
    users = [...DEFAULT_USERS];
  }
  return { ...parsed, users };
}

/** What the run's provider needs: the settings and a client secret made for this run. */
export function withClientSecret(settings: IdpSettings, enabled: boolean): IdpRunSettings {
  return { ...settings, enabled, clientSecret: newClientSecret() };
}
