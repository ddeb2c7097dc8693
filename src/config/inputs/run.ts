/** Inputs of the run as a whole: the tunnel provider, the test, how long the preview lives. */
import type { InputSpec } from "./reader.js";

export const RUN_INPUTS = {
  provider: {
    description:
      "Tunnel provider: `ngrok`, `cloudflared` (quick tunnel), `ssh` (localhost.run, pinggy, serveo, sish or any sshd), `local` (no tunnel: the preview is on loopback), or `auto`: ngrok when an authtoken is set (`ngrok-authtoken` or `NGROK_AUTHTOKEN`), otherwise cloudflared on a GitHub runner, otherwise local.",
    default: "auto",
    placeholder: "<name>",
  },
  test: {
    description:
      "Shell command run against the preview once it is up, with `PREVIEW_URL` in its environment. Its exit code is the step's result.",
    default: "",
    placeholder: "<command>",
  },
  "keep-alive": {
    description:
      "How long to keep the preview up after the tests before tearing it down, e.g. `10m`. In background mode the post step holds it this long before stopping it.",
    default: "0s",
    placeholder: "<duration>",
  },
  "keep-running": {
    description:
      "Keep the preview up after this step (background mode), so later steps can use `steps.<id>.outputs.url`; the post step tears it down. Background mode is also used when there is no `test`.",
    default: "false",
    placeholder: "<true|false>",
  },
  "fail-on-crash": {
    description:
      "In background mode, fail the job in the post step (with the app's last output) if the app exited while the preview was up.",
    default: "true",
    placeholder: "<true|false>",
  },
} as const satisfies Record<string, InputSpec>;

export type RunInputName = keyof typeof RUN_INPUTS;
