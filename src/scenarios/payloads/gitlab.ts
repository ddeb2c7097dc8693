/**
 * GitLab: a push event shaped like
 * https://docs.gitlab.com/user/project/integrations/webhook_events/#push-events, trimmed.
 */
import { json, type PayloadExample } from "./types.js";

export const GITLAB_EXAMPLES: Readonly<Record<string, PayloadExample>> = {
  push: json(
    {
      object_kind: "push",
      event_name: "push",
      before: "95790bf891e76fee5e1747ab589903a6a1f80f22",
      after: "da1560886d4f094c3e6c9ef40349f7d38b5d27d7",
      ref: "refs/heads/main",
      checkout_sha: "da1560886d4f094c3e6c9ef40349f7d38b5d27d7",
      user_id: 4,
      user_name: "John Smith",
      user_username: "jsmith",
      project_id: 15,
      project: {
        id: 15,
        name: "Diaspora",
        path_with_namespace: "mike/diaspora",
        default_branch: "main",
        web_url: "http://example.com/mike/diaspora",
      },
      commits: [
        {
          id: "da1560886d4f094c3e6c9ef40349f7d38b5d27d7",
          message: "fixed readme",
          timestamp: "2025-01-01T12:00:00+00:00",
          author: { name: "GitLab dev user", email: "gitlabdev@dv6700.(none)" },
          added: [],
          modified: ["README.md"],
          removed: [],
        },
      ],
      total_commits_count: 1,
    },
    "Push Hook",
  ),
};
