/** Inputs of the GitHub sign-in (`auth: github`): the app reviewers sign in with, who gets in, for how long. */
import type { InputSpec } from "./reader.js";

export const SIGNIN_INPUTS = {
  "github-oauth-client-id": {
    description:
      "With `auth: github`: the client ID of the GitHub App or OAuth App reviewers sign in with; its device flow must be enabled. Not a secret; no client secret is needed. Required with `auth: github`.",
    default: "",
    placeholder: "<client-id>",
  },
  "github-allow": {
    description:
      "With `auth: github`: who may open the preview. A permission level on the repository (`read`, `triage`, `write`, `maintain`, `admin`; higher levels included), `author` (the pull request's author), `users: <login>, <login>`, `teams: <org>/<team-slug>, ...`; one entry per line (or separated by `;`). Anyone matching one entry gets in; given entries replace the default. On a public repository `read` means every GitHub user.",
    default: "write, author",
    placeholder: "<rules>",
  },
  "github-session-ttl": {
    description:
      "With `auth: github`: how long a sign-in lasts, e.g. `8h`. Empty: as long as the preview (a cookie that ends with the browser session).",
    default: "",
    placeholder: "<duration>",
  },
  "github-repository": {
    description:
      "With `auth: github`: the repository whose access decides who gets in, as `owner/name`. Empty: the workflow's repository (`GITHUB_REPOSITORY`); the CLI outside Actions needs it.",
    default: "",
    placeholder: "<owner/name>",
  },
} as const satisfies Record<string, InputSpec>;

export type SignInInputName = keyof typeof SIGNIN_INPUTS;
