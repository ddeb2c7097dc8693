/**
 * GitHub: shaped like the examples in
 * https://docs.github.com/en/webhooks/webhook-events-and-payloads (ping, push,
 * pull_request "opened"), trimmed to the fields apps commonly read.
 */
import { json, type PayloadExample, PREVIEW_URL } from "./types.js";

const repository = {
  id: 1296269,
  node_id: "MDEwOlJlcG9zaXRvcnkxMjk2MjY5",
  name: "Hello-World",
  full_name: "octocat/Hello-World",
  private: false,
  owner: { login: "octocat", id: 1, type: "User" },
  html_url: "https://github.com/octocat/Hello-World",
  default_branch: "main",
};
const sender = { login: "octocat", id: 1, type: "User" };

export const GITHUB_EXAMPLES: Readonly<Record<string, PayloadExample>> = {
  ping: json(
    {
      zen: "Design for failure.",
      hook_id: 1,
      hook: {
        type: "Repository",
        id: 1,
        name: "web",
        active: true,
        events: ["push", "pull_request"],
        config: { content_type: "json", insecure_ssl: "0", url: `${PREVIEW_URL}/webhooks/github` },
      },
      repository,
      sender,
    },
    "ping",
  ),
  push: json(
    {
      ref: "refs/heads/main",
      before: "6113728f27ae82c7b1a177c8d03f9e96e0adf246",
      after: "0000000000000000000000000000000000000001",
      created: false,
      deleted: false,
      forced: false,
      compare: "https://github.com/octocat/Hello-World/compare/6113728f27ae...000000000001",
      commits: [
        {
          id: "0000000000000000000000000000000000000001",
          message: "Update README.md",
          timestamp: "2025-01-01T12:00:00Z",
          author: { name: "Monalisa Octocat", email: "mona@github.com", username: "octocat" },
          added: [],
          removed: [],
          modified: ["README.md"],
        },
      ],
      head_commit: { id: "0000000000000000000000000000000000000001", message: "Update README.md" },
      pusher: { name: "octocat", email: "mona@github.com" },
      repository,
      sender,
    },
    "push",
  ),
  pull_request: json(
    {
      action: "opened",
      number: 2,
      pull_request: {
        id: 279147437,
        number: 2,
        state: "open",
        title: "Update the README with new information.",
        body: "This is a pretty simple change that we need to pull into main.",
        user: sender,
        html_url: "https://github.com/octocat/Hello-World/pull/2",
        head: { ref: "changes", sha: "ec26c3e57ca3a959ca5aad62de7213c562f8c821" },
        base: { ref: "main", sha: "f95f852bd8fca8fcc58a9a2d6c842781e32a215e" },
        draft: false,
        merged: false,
      },
      repository,
      sender,
    },
    "pull_request",
  ),
};
