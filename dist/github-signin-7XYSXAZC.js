import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  GithubSignIn,
  safeReturnPath
} from "./chunk-P7Z7VSPS.js";
import "./chunk-JOYH5WIN.js";
import {
  ALLOW_INPUT,
  DEFAULT_ALLOW,
  GITHUB_SIGNIN_DEFAULTS,
  LOGOUT_PATH,
  PERMISSION_LEVELS,
  SIGNIN_PATH,
  allowWarnings,
  describeAllow,
  describeSignIn,
  githubSignInSettings,
  githubUrlsFromEnv,
  isSignInPath,
  parseAllow,
  repoName,
  scopeFor,
  signInSummaryMarkdown,
  writeAnswer
} from "./chunk-YJNIKON3.js";
import "./chunk-DDG4KZIH.js";
import "./chunk-S4FSG2IO.js";
import "./chunk-PGICO5ZK.js";
export {
  ALLOW_INPUT,
  DEFAULT_ALLOW,
  GITHUB_SIGNIN_DEFAULTS,
  GithubSignIn,
  LOGOUT_PATH,
  PERMISSION_LEVELS,
  SIGNIN_PATH,
  allowWarnings,
  describeAllow,
  describeSignIn,
  githubSignInSettings,
  githubUrlsFromEnv,
  isSignInPath,
  parseAllow,
  repoName,
  safeReturnPath,
  scopeFor,
  signInSummaryMarkdown,
  writeAnswer
};
