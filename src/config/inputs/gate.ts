/** Inputs of the gate: auth, allow-list, added headers, limits, webhook verification, recording. */
import type { InputSpec } from "./reader.js";

export const GATE_INPUTS = {
  auth: {
    description:
      "How the preview is protected: `basic` (browser login prompt), `bearer` (an `Authorization: Bearer` token), `github` (reviewers sign in with GitHub; see `github-oauth-client-id` and `github-allow`) or `none`.",
    default: "basic",
    placeholder: "<basic|bearer|github|none>",
  },
  credentials: {
    description:
      "`user:password` for `basic`, a token for `bearer` (and for the run's own token beside the GitHub sign-in with `github`); pass it from a secret. Empty: generated (24 random bytes) and masked.",
    default: "",
    placeholder: "<user:password|token>",
  },
  "allow-cidrs": {
    description:
      "Client addresses allowed to reach the preview: IPv4/IPv6 CIDRs or single addresses, separated by commas or newlines. Empty: any address.",
    default: "",
    placeholder: "<cidrs>",
  },
  "request-headers": {
    description: "Headers added to every request proxied to the app: one `Name: value` per line.",
    default: "",
    placeholder: "<Name: value lines>",
  },
  "max-body": {
    description: "Largest request body the gate lets through (413 beyond it), e.g. `512kb`, `25mb`, `1gb`.",
    default: "25mb",
    placeholder: "<size>",
  },
  "verify-webhooks": {
    description:
      "Webhook paths that skip user auth when their signature verifies: one `<provider> <path-prefix> <SECRET_ENV_VAR>` per line. Providers: github, stripe, slack, shopify, twilio, standard-webhooks, svix, pagerduty, gitlab, linear, square, discord (the variable holds the application's public key), paddle.",
    default: "",
    placeholder: "<provider path ENV lines>",
  },
  record: {
    description:
      "Path of the HAR file recording requests through the gate; `none` turns recording off. Empty: a file under `RUNNER_TEMP`.",
    default: "",
    placeholder: "<path|none>",
  },
  "record-body-limit": {
    description:
      "Bytes of each request and response body kept in the recording, e.g. `64kb`; `0b` keeps none.",
    default: "64kb",
    placeholder: "<size>",
  },
  inspector: {
    description:
      "Live request inspector at `/__preview/inspect` on the preview, behind the same sign-in: requests as they happen, details redacted as in the HAR, replay with edits (webhook deliveries signed again), copy as curl, Download HAR. Empty: on, unless `auth` is `none` (then anyone with the URL could watch the traffic; `true` turns it on anyway, with a warning). `false` turns it off; the path then goes to the app like any other.",
    default: "",
    placeholder: "<true|false>",
  },
} as const satisfies Record<string, InputSpec>;

export type GateInputName = keyof typeof GATE_INPUTS;
