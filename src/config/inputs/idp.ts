/** Inputs of the test identity provider. */
import type { InputSpec } from "./reader.js";

export const IDP_INPUTS = {
  idp: {
    description:
      "Start a strict test OpenID Connect provider, served by the gate under `<preview URL>/__preview/idp` (exempt from the gate's login), and give the app its settings in its environment: `OIDC_ISSUER`, `OIDC_CLIENT_ID`, `OIDC_CLIENT_SECRET` (generated per run, masked) and `OIDC_REDIRECT_URI` (`true` or `false`). An OAuth scenario in `scenarios` starts it too.",
    default: "false",
    placeholder: "<true|false>",
  },
  "idp-users": {
    description:
      "Test users of the identity provider, as YAML or JSON (inline, or the path of a file relative to the workspace): a list of users, each with `sub` and optionally `email`, `name` and any other claims (e.g. `groups`). Empty: one user `alice` (`alice@example.com`, `Alice Example`). Scripted logins pick one with `login_hint=<sub or email>`; `login_hint=deny` refuses consent.",
    default: "",
    placeholder: "<YAML|JSON|file>",
  },
  "idp-require-pkce": {
    description:
      "Make the identity provider refuse authorization requests without PKCE (a `code_challenge` with method S256) (`true` or `false`).",
    default: "true",
    placeholder: "<true|false>",
  },
  "idp-env-prefix": {
    description:
      "Prefix of the app's environment variables with the identity provider's settings: `<prefix>ISSUER`, `<prefix>CLIENT_ID`, `<prefix>CLIENT_SECRET` and `<prefix>REDIRECT_URI`.",
    default: "OIDC_",
    placeholder: "<prefix>",
  },
  "idp-redirect-paths": {
    description:
      "Redirect URIs registered for the app at the identity provider, as paths on the preview's public URL, separated by commas or new lines, compared exactly. The first one is passed as `<prefix>REDIRECT_URI`.",
    default: "/auth/callback",
    placeholder: "<paths>",
  },
  "idp-client-id": {
    description: "The app's `client_id` at the identity provider (its secret is generated for each run).",
    default: "preview-app",
    placeholder: "<client-id>",
  },
} as const satisfies Record<string, InputSpec>;

export type IdpInputName = keyof typeof IDP_INPUTS;
