/** Parsers of the relay's inputs: the action's mode, where statuses go, the relay's own. Pure. */
import { InputError } from "../../errors.js";
import {
  ACTION_MODES,
  type ActionMode,
  isAllowedHostEntry,
  PUBLISH_ROUTES,
  type PublishRoute,
} from "../../relay/settings.js";
import { parseChoice, parsePositiveDuration } from "../../util/parse.js";
import type { InputReader } from "../inputs/reader.js";
import type { RelayInputName } from "../inputs/relay.js";

export function parseMode(input: string, raw: string): ActionMode {
  return parseChoice(input, raw, ACTION_MODES);
}

/**
 * `mode` where a preview is built (the CLI, and the action once it chose preview mode): only
 * `preview`. The relay runs as the action alone, in a workflow_run job.
 */
export function parsePreviewMode(input: string, raw: string): "preview" {
  const mode = parseMode(input, raw);
  if (mode !== "preview")
    throw new InputError(
      input,
      raw,
      'is "relay", which runs only as the GitHub Action in a workflow_run job (see the README, "Pull requests from forks"); previews run with "preview", the default',
    );
  return mode;
}

export function parsePublishRoute(input: string, raw: string): PublishRoute {
  return parseChoice(input, raw, PUBLISH_ROUTES);
}

/** "preview.example.com, *.tunnels.example.com" -> the entries, lower case; [] when empty. */
export function parseAllowedHosts(input: string, raw: string): string[] {
  const entries = raw
    .split(/[\s,]+/)
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e !== "");
  for (const entry of entries) {
    if (!isAllowedHostEntry(entry)) {
      throw new InputError(
        input,
        entry,
        'must list host names separated by commas or newlines, each a host ("preview.example.com") or "*." and a domain of at least two labels ("*.tunnels.example.com"); no scheme, port or path',
      );
    }
  }
  return entries;
}

export interface ParsedRelay {
  readonly mode: ActionMode;
  readonly publish: PublishRoute;
  readonly timeoutMs: number;
  readonly allowedHosts: readonly string[];
}

/**
 * Reads every relay input into the reader; undefined when one is invalid (its problem is kept).
 * `mode` is read with `readMode`: parsePreviewMode where a preview is built.
 */
export function parseRelayInputs(
  inputs: InputReader<RelayInputName>,
  readMode: (input: string, raw: string) => ActionMode = parseMode,
): ParsedRelay | undefined {
  return inputs.readAll({
    mode: ["mode", readMode],
    publish: ["publish", parsePublishRoute],
    timeoutMs: ["relay-timeout", parsePositiveDuration],
    allowedHosts: ["relay-allowed-hosts", parseAllowedHosts],
  });
}
