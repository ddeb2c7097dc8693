import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  Publisher,
  environmentName,
  loadGitHubApi,
  loadGitHubClient,
  loadHooksApi,
  readPublishContext,
  readRunRepository,
  removeHook,
  tokenReadOnlyForFork,
  webhookHooks
} from "./chunk-GCCKFXDP.js";
import {
  GitHubApiError
} from "./chunk-APRB5VJX.js";
import "./chunk-MTL5JJZW.js";
import "./chunk-QSITGZFO.js";
import "./chunk-F6NLBT5A.js";
import "./chunk-HWQAXG6F.js";
import "./chunk-6OTEV7IO.js";
import "./chunk-PGICO5ZK.js";
export {
  GitHubApiError,
  Publisher,
  environmentName,
  loadGitHubApi,
  loadGitHubClient,
  loadHooksApi,
  readPublishContext,
  readRunRepository,
  removeHook,
  tokenReadOnlyForFork,
  webhookHooks
};
