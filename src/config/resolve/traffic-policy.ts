/**
 * The ngrok Traffic Policy, parsed and checked against the document's shape before it is
 * handed to ngrok (which would only refuse it once the tunnel opens, or not at all): a mapping
 * of phases (on_tcp_connect, on_http_request, on_http_response), each a list of rules
 * {name?, expressions?: [CEL strings], actions: [{type, config?}]}. The expressions and each
 * action's config are ngrok's to judge.
 */
import { parseYamlInput } from "../../util/yaml.js";

const PHASES = ["on_tcp_connect", "on_http_request", "on_http_response"] as const;
const RULE_KEYS = ["name", "expressions", "actions"];
const ACTION_KEYS = ["type", "config"];
/** The names of the policy format ngrok replaced (before the phases). */
const OLD_PHASES: Readonly<Record<string, string>> = {
  inbound: "on_http_request",
  outbound: "on_http_response",
};

const isMapping = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** What is wrong with the policy text, worded after the input's name; undefined when it is fine. */
export async function trafficPolicyProblem(text: string): Promise<string | undefined> {
  const parsed = await parseYamlInput(text);
  if (!parsed.ok) return `${parsed.problem}: ${parsed.detail}`;
  return shapeProblem(parsed.data);
}

function shapeProblem(policy: unknown): string | undefined {
  const phases = `the phases ${PHASES.join(", ")}`;
  if (!isMapping(policy)) return `is not a Traffic Policy: its top level must be a mapping of ${phases}`;
  const keys = Object.keys(policy);
  if (keys.length === 0) return `is an empty Traffic Policy: give at least one of ${phases}`;
  for (const key of keys) {
    const renamed = OLD_PHASES[key];
    if (renamed !== undefined)
      return `uses "${key}", a phase of ngrok's old policy format: name it "${renamed}"`;
    if (!(PHASES as readonly string[]).includes(key))
      return `has an unknown top-level key "${key}": a Traffic Policy holds ${phases}`;
    const rules = policy[key];
    if (rules === null || rules === undefined) continue;
    if (!Array.isArray(rules)) return `has ${key} that is not a list of rules`;
    for (const [index, rule] of rules.entries()) {
      const problem = ruleProblem(rule, `${key}[${index}]`);
      if (problem !== undefined) return problem;
    }
  }
  return undefined;
}

function ruleProblem(rule: unknown, at: string): string | undefined {
  if (!isMapping(rule)) return `has ${at} that is not a rule: a mapping with actions (and name, expressions)`;
  const unknown = Object.keys(rule).find((key) => !RULE_KEYS.includes(key));
  if (unknown !== undefined) return `has ${at}.${unknown}, unknown in a rule (${RULE_KEYS.join(", ")})`;
  if (rule.name !== undefined && typeof rule.name !== "string") return `has ${at}.name that is not a string`;
  const { expressions, actions } = rule;
  if (
    expressions !== undefined &&
    (!Array.isArray(expressions) || !expressions.every((e) => typeof e === "string"))
  )
    return `has ${at}.expressions that is not a list of CEL expressions (strings)`;
  if (!Array.isArray(actions))
    return `has ${at} without actions: each rule needs a list of actions, e.g. "- type: deny"`;
  for (const [index, action] of actions.entries()) {
    const where = `${at}.actions[${index}]`;
    if (!isMapping(action)) return `has ${where} that is not an action: a mapping with type (and config)`;
    const extra = Object.keys(action).find((key) => !ACTION_KEYS.includes(key));
    if (extra !== undefined) return `has ${where}.${extra}, unknown in an action (type, config)`;
    if (typeof action.type !== "string" || action.type.trim() === "")
      return `has ${where} without a type, e.g. "add-headers", "deny", "restrict-ips"`;
    if (action.config !== undefined && action.config !== null && !isMapping(action.config))
      return `has ${where}.config that is not a mapping`;
  }
  return undefined;
}
