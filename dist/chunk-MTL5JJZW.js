import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  namedSecrets
} from "./chunk-QSITGZFO.js";

// src/github/settings.ts
var COMMENT_MODES = ["update", "recreate", "minimize-old"];
var ENVIRONMENT_MAX = 255;
var ENVIRONMENT_PLACEHOLDERS = ["<number>", "<ref>"];
function namedPublishSecrets(settings) {
  return namedSecrets(['input "github-token"', settings.token]);
}
var DEFAULT_WEBHOOK_PATH = "/webhooks/github";
var DEFAULT_WEBHOOK_SECRET_ENV = "GITHUB_WEBHOOK_SECRET";
function namedGithubWebhookSecrets(settings) {
  return namedSecrets(
    ['input "github-webhook-token"', settings?.token],
    [`the GitHub webhook secret in ${settings?.secretEnv ?? ""}`, settings?.secret]
  );
}
function githubWebhookEnv(settings) {
  return settings ? { [settings.secretEnv]: settings.secret } : {};
}

export {
  COMMENT_MODES,
  ENVIRONMENT_MAX,
  ENVIRONMENT_PLACEHOLDERS,
  namedPublishSecrets,
  DEFAULT_WEBHOOK_PATH,
  DEFAULT_WEBHOOK_SECRET_ENV,
  namedGithubWebhookSecrets,
  githubWebhookEnv
};
