/** Resolving the tunnel settings: a traffic policy given as a file is read and checked. */
import { readFileSync, statSync } from "node:fs";
import { InputError } from "../../errors.js";
import type { TunnelSettings } from "../../tunnel/settings.js";
import { fileTooLarge } from "../../util/yaml.js";
import type { InputReader } from "../inputs/reader.js";
import type { TunnelInputName } from "../inputs/tunnel.js";
import { checkPolicy, type ParsedTunnel, type TrafficPolicySource } from "../parse/tunnel.js";

export function readTrafficPolicy(input: string, raw: string, source: TrafficPolicySource): string {
  if ("text" in source) return source.text;
  if (!statSync(source.file, { throwIfNoEntry: false })?.isFile()) {
    throw new InputError(
      input,
      raw,
      `must be a Traffic Policy file (${source.file} does not exist) or the policy inline as YAML or JSON with on_http_request/on_http_response`,
    );
  }
  const tooLarge = fileTooLarge(source.file);
  if (tooLarge !== undefined) throw new InputError(input, raw, tooLarge);
  return checkPolicy(input, raw, readFileSync(source.file, "utf8"));
}

export function resolveTunnel(
  parsed: ParsedTunnel,
  inputs: InputReader<TunnelInputName>,
): TunnelSettings | undefined {
  const input = "ngrok-traffic-policy";
  const source = parsed.trafficPolicy?.source;
  const trafficPolicy =
    source === undefined
      ? undefined
      : inputs.check(input, () => readTrafficPolicy(input, inputs.raw(input), source));
  if (!parsed.settings || !parsed.trafficPolicy || (source !== undefined && trafficPolicy === undefined))
    return undefined;
  return { ...parsed.settings, ngrok: { ...parsed.settings.ngrok, trafficPolicy } };
}
