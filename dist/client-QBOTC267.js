import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  apiCall,
  createGitHubApi,
  createOctokit
} from "./chunk-5TGXQQJD.js";
import "./chunk-7YWQCBFD.js";
import "./chunk-APRB5VJX.js";
import "./chunk-4APMPA4J.js";
import "./chunk-HWQAXG6F.js";
import "./chunk-PGICO5ZK.js";
export {
  apiCall,
  createGitHubApi,
  createOctokit
};
