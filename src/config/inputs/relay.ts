/** Inputs of the relay for pull requests from forks: the action's mode and where statuses go. */
import type { InputSpec } from "./reader.js";

export const RELAY_INPUTS = {
  mode: {
    description:
      '`preview`: run the preview. `relay`: in a `workflow_run` workflow, publish the comment and deployment of a preview run on a pull request from a fork, from the status artifacts it uploaded (see "Pull requests from forks"); only the publishing inputs and `relay-*` are read then.',
    default: "preview",
    placeholder: "<preview|relay>",
  },
  publish: {
    description:
      "Where the preview is published: `direct` (the comment and deployment, with `github-token`), `relay` (only status artifacts, for a relay workflow to publish), or `auto`: direct, but status artifacts when the pull request comes from a fork or GitHub refuses the token.",
    default: "auto",
    placeholder: "<auto|direct|relay>",
  },
  "relay-timeout": {
    description:
      "With `mode: relay`: how long the relay of a `requested` event follows the preview run before it leaves the final state to the relay of its `completed` event, e.g. `60m`.",
    default: "60m",
    placeholder: "<duration>",
  },
  "relay-allowed-hosts": {
    description:
      "With `mode: relay`: hosts of self-hosted tunnels whose preview URLs may be links, separated by commas or newlines: `preview.example.com` (that host) or `*.tunnels.example.com` (its subdomains). URLs on known tunnel domains always may; any other is shown as text, with a warning.",
    default: "",
    placeholder: "<hosts>",
  },
} as const satisfies Record<string, InputSpec>;

export type RelayInputName = keyof typeof RELAY_INPUTS;
