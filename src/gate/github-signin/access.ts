/**
 * Decides whether the owner of a GitHub token may open the preview: asks GitHub only what
 * the rules need, cheapest first (login; then the repository permission; then each team),
 * and stops at the first rule that lets them in. The token is used here and nowhere else.
 */
import { type AccessFacts, type AllowContext, type AllowRules, evaluate, teamName } from "./allow.js";
import { GithubTokenInvalid, GithubUnavailable, type GithubUserApi } from "./github-user.js";

export type AccessOutcome =
  | { readonly kind: "allowed"; readonly login: string; readonly because: string }
  | { readonly kind: "denied"; readonly login: string; readonly reason: string }
  | { readonly kind: "invalid-token" }
  | { readonly kind: "unavailable"; readonly reason: string };

export interface AccessTarget extends AllowContext {
  readonly owner: string;
  readonly name: string;
  readonly repoIsPublic: boolean;
}

export async function decideAccess(
  api: GithubUserApi,
  token: string,
  rules: AllowRules,
  target: AccessTarget,
  signal?: AbortSignal,
): Promise<AccessOutcome> {
  try {
    const login = await api.login(token, signal);
    const teams = new Set<string>();
    const notes: string[] = [];
    let facts: AccessFacts = { login, level: undefined, teams, notes };
    let decision = evaluate(rules, target, facts);
    if (decision.allowed) return { kind: "allowed", login, because: decision.because };

    if (rules.level) {
      const repo = await api.repository(token, target.owner, target.name, signal);
      if (repo.visible) {
        facts = { ...facts, level: repo.level };
      } else {
        notes.push(
          target.repoIsPublic
            ? `GitHub did not show ${target.repo} to this sign-in`
            : `${target.repo} is private and not visible to this sign-in (it needs a GitHub App installed on the repository)`,
        );
      }
      decision = evaluate(rules, target, facts);
      if (decision.allowed) return { kind: "allowed", login, because: decision.because };
    }

    for (const team of rules.teams) {
      const state = await api.teamMembership(token, team.org, team.slug, login, signal);
      if (state === "active") {
        teams.add(teamName(team).toLowerCase());
        break;
      }
      if (state === "pending") notes.push(`the invitation to ${teamName(team)} is not accepted yet`);
      if (state === "not-readable") {
        notes.push(
          `the membership of ${teamName(team)} could not be read (the sign-in app needs read:org, or Members: read for a GitHub App, and the organisation must allow it)`,
        );
      }
    }
    decision = evaluate(rules, target, facts);
    return decision.allowed
      ? { kind: "allowed", login, because: decision.because }
      : { kind: "denied", login, reason: decision.reason };
  } catch (error) {
    if (error instanceof GithubTokenInvalid) return { kind: "invalid-token" };
    if (error instanceof GithubUnavailable) return { kind: "unavailable", reason: error.message };
    throw error;
  }
}
