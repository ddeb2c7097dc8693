/** Reviewers sign in with GitHub (`auth: github`): the part's interface for the gate and config. */

export { type Answer, writeAnswer } from "../answer.js";
export type { AllowContext, AllowRules, PermissionLevel, TeamRef } from "./allow.js";
export {
  ALLOW_INPUT,
  allowWarnings,
  DEFAULT_ALLOW,
  describeAllow,
  PERMISSION_LEVELS,
  parseAllow,
  scopeFor,
} from "./allow.js";
export type { AuditEntry, SignInAudit } from "./audit.js";
export type { Clock } from "./clock.js";
export type { Http, HttpRequest, HttpResponse } from "./http.js";
export { isSignInPath, LOGOUT_PATH, SIGNIN_PATH } from "./paths.js";
export { safeReturnPath } from "./return-to.js";
export type { GithubSignInSettings, GithubSignInSettingsInput, RepositoryRef } from "./settings.js";
export {
  describeSignIn,
  GITHUB_SIGNIN_DEFAULTS,
  githubSignInSettings,
  githubUrlsFromEnv,
  repoName,
} from "./settings.js";
export type {
  CheckRequest,
  GithubSignInOptions,
  RefusalRequest,
  RouteContext,
  SignInLimits,
} from "./signin.js";
export { GithubSignIn } from "./signin.js";
export { signInSummaryMarkdown } from "./summary.js";
export type {
  AllowedVerdict,
  DeniedVerdict,
  Refusal,
  SignInVerdict,
  UnavailableVerdict,
  Verdict,
} from "./verdict.js";
