/**
 * Who may open the preview (`github-allow`): the grammar, its parser and the policy.
 *
 *   github-allow := entry { (newline | ";") entry }
 *   entry        := keyword { ("," | space) keyword }      keyword: a level or "author"
 *                 | "users:" login { ("," | space) login }
 *                 | "teams:" org "/" team-slug { ("," | space) org "/" team-slug }
 *   level        := read | triage | write | maintain | admin   (at most one)
 *
 * A `users:` or `teams:` list runs to the end of its entry. A leading "@" is dropped.
 * Empty means the default, `write, author`; anything given replaces the whole default.
 * Anyone matching any entry gets in.
 */
import { InputError } from "../../errors.js";

export const ALLOW_INPUT = "github-allow";
export const DEFAULT_ALLOW = "write, author";

/** Repository roles, lowest first, as GitHub names them in the UI. */
export const PERMISSION_LEVELS = ["read", "triage", "write", "maintain", "admin"] as const;
export type PermissionLevel = (typeof PERMISSION_LEVELS)[number];

export interface TeamRef {
  /** As written (for messages); compared case-insensitively. */
  readonly org: string;
  readonly slug: string;
}

export interface AllowRules {
  /** Lowest permission on this repository that lets someone in; undefined: no such rule. */
  readonly level: PermissionLevel | undefined;
  /** Logins as written; compared case-insensitively (GitHub logins are). */
  readonly users: readonly string[];
  readonly teams: readonly TeamRef[];
  /** The pull request's author gets in. */
  readonly author: boolean;
}

/** Letters, digits, "-" and "_" (Enterprise Managed Users' logins end in _shortcode). */
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9_-]{0,98}[A-Za-z0-9])?$/;
const TEAM_SLUG = /^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,98}[A-Za-z0-9_])?$/;

const ACCEPTED = `a permission level on this repository (${PERMISSION_LEVELS.join(", ")}), "author" (the pull request's author), "users: <login>, <login>" or "teams: <org>/<team-slug>, <org>/<team-slug>"; one entry per line (or separated by ";"), e.g. "write, author" or "users: alice, bob"`;

function isLevel(word: string): word is PermissionLevel {
  return (PERMISSION_LEVELS as readonly string[]).includes(word);
}

function words(text: string): string[] {
  return text.split(/[\s,]+/).filter((w) => w !== "");
}

function withoutAt(word: string): string {
  return word.startsWith("@") ? word.slice(1) : word;
}

/** Parses the `github-allow` input; throws an InputError naming the input and the bad entry. */
export function parseAllow(raw: string, input = ALLOW_INPUT): AllowRules {
  const text = raw.trim() === "" ? DEFAULT_ALLOW : raw;
  let level: PermissionLevel | undefined;
  const users = new Map<string, string>();
  const teams = new Map<string, TeamRef>();
  let author = false;
  const fail = (entry: string, problem: string): never => {
    throw new InputError(input, entry, problem);
  };

  for (const entry of text
    .split(/\r?\n|;/)
    .map((e) => e.trim())
    .filter((e) => e !== "")) {
    const list = /^([A-Za-z][\w-]*)\s*:(.*)$/s.exec(entry);
    if (list) {
      const kind = (list[1] as string).toLowerCase();
      const items = words(list[2] as string).map(withoutAt);
      if (kind !== "users" && kind !== "teams") {
        fail(
          entry,
          `has an unknown list "${list[1]}:" (only "users:" and "teams:" take a list); accepted: ${ACCEPTED}`,
        );
      }
      if (items.length === 0) fail(entry, `has an empty "${kind}:" list: name at least one after the colon`);
      for (const item of items) {
        if (kind === "users") {
          if (!LOGIN.test(item)) {
            fail(entry, `names "${item}", which is not a GitHub login (letters, digits, "-" and "_")`);
          }
          users.set(item.toLowerCase(), item);
          continue;
        }
        const [org = "", slug = "", ...rest] = item.split("/");
        if (rest.length > 0 || !LOGIN.test(org) || !TEAM_SLUG.test(slug)) {
          fail(
            entry,
            `names "${item}", which is not a team: write <org>/<team-slug>, e.g. "teams: acme/reviewers"`,
          );
        }
        teams.set(`${org}/${slug}`.toLowerCase(), { org, slug });
      }
      continue;
    }
    for (const word of words(entry)) {
      const keyword = word.toLowerCase();
      if (keyword === "author") {
        author = true;
      } else if (isLevel(keyword)) {
        if (level !== undefined && level !== keyword) {
          fail(
            entry,
            `names two permission levels (${level} and ${keyword}): give one, the lowest that may open the preview (higher levels are included)`,
          );
        }
        level = keyword;
      } else {
        const hint = LOGIN.test(withoutAt(word))
          ? `; to let the user in, write "users: ${withoutAt(word)}"`
          : "";
        fail(entry, `has an unknown entry "${word}"${hint}; accepted: ${ACCEPTED}`);
      }
    }
  }
  return { level, users: [...users.values()], teams: [...teams.values()], author };
}

/** The OAuth scope the device flow asks for: read:org only when teams are named (membership). */
export function scopeFor(rules: AllowRules): string {
  return rules.teams.length > 0 ? "read:org" : "";
}

/** The rules in words, e.g. "write access to o/r, or the pull request's author". */
export function describeAllow(rules: AllowRules, repo: string): string {
  const parts: string[] = [];
  if (rules.level) parts.push(`${rules.level} access to ${repo}`);
  if (rules.author) parts.push("the pull request's author");
  if (rules.users.length > 0) parts.push(rules.users.join(", "));
  if (rules.teams.length > 0) parts.push(`members of ${rules.teams.map(teamName).join(", ")}`);
  return parts.join(", or ");
}

export function teamName(team: TeamRef): string {
  return `${team.org}/${team.slug}`;
}

/** What was learned about someone, with their token, before deciding. */
export interface AccessFacts {
  readonly login: string;
  /** Their highest permission on the repository; undefined when unknown or none. */
  readonly level: PermissionLevel | undefined;
  /** Teams ("org/slug", lower-case) they are an active member of. */
  readonly teams: ReadonlySet<string>;
  /** Why something could not be checked, shown with a refusal (e.g. a team not readable). */
  readonly notes: readonly string[];
}

export interface AllowContext {
  /** "owner/name". */
  readonly repo: string;
  /** Login of the pull request's author; undefined when the run has no pull request. */
  readonly author: string | undefined;
}

export type Decision =
  | { readonly allowed: true; readonly because: string }
  | { readonly allowed: false; readonly reason: string };

function atLeast(have: PermissionLevel | undefined, need: PermissionLevel): boolean {
  return have !== undefined && PERMISSION_LEVELS.indexOf(have) >= PERMISSION_LEVELS.indexOf(need);
}

/** Allowed (and by which rule) or the reason for a refusal, e.g. "needs write on o/r; bob has read". */
export function evaluate(rules: AllowRules, context: AllowContext, facts: AccessFacts): Decision {
  const login = facts.login.toLowerCase();
  if (rules.users.some((u) => u.toLowerCase() === login)) {
    return { allowed: true, because: `listed in ${ALLOW_INPUT} users` };
  }
  if (rules.author && context.author !== undefined && context.author.toLowerCase() === login) {
    return { allowed: true, because: "author of the pull request" };
  }
  if (rules.level && atLeast(facts.level, rules.level)) {
    return { allowed: true, because: `${facts.level} on ${context.repo}` };
  }
  for (const team of rules.teams) {
    if (facts.teams.has(teamName(team).toLowerCase())) {
      return { allowed: true, because: `member of ${teamName(team)}` };
    }
  }
  const needs: string[] = [];
  if (rules.level) needs.push(`${rules.level} on ${context.repo}`);
  if (rules.author && context.author !== undefined) needs.push("to be the pull request's author");
  if (rules.users.length > 0) needs.push(`to be ${rules.users.join(" or ")}`);
  if (rules.teams.length > 0) needs.push(`to be in ${rules.teams.map(teamName).join(" or ")}`);
  const known = rules.level && facts.level ? [`${facts.login} has ${facts.level}`] : [];
  const why = [...known, ...facts.notes];
  const needed = needs.length > 0 ? `needs ${needs.join(", or ")}` : "no rule of github-allow applies";
  return { allowed: false, reason: why.length > 0 ? `${needed}; ${why.join("; ")}` : needed };
}

/** Rules that do not do what they seem to, for warnings at the start of the run. */
export function allowWarnings(
  rules: AllowRules,
  context: AllowContext & { readonly repoIsPublic: boolean },
): string[] {
  const warnings: string[] = [];
  if (rules.level === "read" && context.repoIsPublic) {
    warnings.push(
      `${ALLOW_INPUT}: "read" on a public repository lets every GitHub user in (everyone can read ${context.repo}); use "triage" or higher to keep it to collaborators.`,
    );
  }
  const onlyAuthor = rules.author && !rules.level && rules.users.length === 0 && rules.teams.length === 0;
  if (onlyAuthor && context.author === undefined) {
    warnings.push(
      `${ALLOW_INPUT}: "author" is the only rule, but this run has no pull request: nobody can sign in.`,
    );
  }
  return warnings;
}
