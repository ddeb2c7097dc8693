/** Inputs and outputs of publishing to the pull request: the comment and the deployment. */
import type { InputSpec } from "./reader.js";

export const PUBLISH_INPUTS = {
  "github-token": {
    description:
      "Token used to post the pull request comment and the deployment. Needs `pull-requests: write` (comment) and `deployments: write` (deployment) in the job's `permissions`.",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not JS
    default: "${{ github.token }}",
    placeholder: "<token>",
  },
  comment: {
    description:
      "Post a sticky comment on the pull request with the preview's URL, the commit it serves and its status, updated in place as the run goes (`true` or `false`).",
    default: "true",
    placeholder: "<true|false>",
  },
  "comment-key": {
    description:
      "Tells this preview's comment apart from others on the same pull request (e.g. one per app in a matrix): letters, digits, `.`, `_` and `-`.",
    default: "preview",
    placeholder: "<key>",
  },
  "comment-mode": {
    description:
      "What to do with this preview's comment from an earlier run: `update` it in place, `recreate` it (delete and post a new one, so it comes last), or `minimize-old` (hide the earlier one as outdated and post a new one).",
    default: "update",
    placeholder: "<update|recreate|minimize-old>",
  },
  deployment: {
    description:
      "Create a GitHub deployment for the preview (shown on the pull request with a link to the URL; marked inactive at teardown) (`true` or `false`).",
    default: "true",
    placeholder: "<true|false>",
  },
  environment: {
    description:
      "Deployment environment: `<number>` is replaced by the pull request number and `<ref>` by the branch name. Without a pull request (push, workflow_dispatch) a name containing `<number>` becomes `preview-<ref>`.",
    default: "pr-<number>",
    placeholder: "<name>",
  },
} as const satisfies Record<string, InputSpec>;

export type PublishInputName = keyof typeof PUBLISH_INPUTS;

export const PUBLISH_OUTPUTS = {
  "comment-id": "ID of the pull request comment showing the preview (empty when none was posted).",
  "deployment-id": "ID of the GitHub deployment of the preview (empty when none was created).",
  environment: "Deployment environment of the preview (empty when no deployment was created).",
} as const satisfies Record<string, string>;
