/**
 * The main step with `mode: relay` (in a `workflow_run` workflow): reads its inputs, then
 * publishes the preview run's status artifacts (src/relay). No app, no run folder, no
 * supervisor; the post step has nothing to do. Loaded only in this mode, with the relay.
 */
import * as core from "@actions/core";
import { buildRelayConfig } from "../config/config.js";
import type { InputSource } from "../config/names.js";
import { coreLogger } from "./logger.js";

export async function runRelayMode(source: InputSource, signal: AbortSignal): Promise<void> {
  const { relay, publish } = buildRelayConfig(source);
  if (publish.token) core.setSecret(publish.token);
  const { runRelayAction } = await import("../relay/index.js");
  const outcome = await runRelayAction({
    settings: relay,
    publish,
    env: process.env,
    logger: coreLogger,
    signal,
  });
  if (outcome?.pullRequest !== undefined) {
    core.info(
      `Relay: pull request #${outcome.pullRequest}, ${outcome.shown.length} status(es) shown${outcome.refused ? ", one refused (see the warning above)" : ""}.`,
    );
  }
}
