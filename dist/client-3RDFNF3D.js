import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  apiCall,
  createGitHubApi,
  createOctokit
} from "./chunk-D4HHA7UA.js";
import "./chunk-7YWQCBFD.js";
import "./chunk-APRB5VJX.js";
import "./chunk-NR726SSU.js";
import "./chunk-RIQZ67RY.js";
import "./chunk-PGICO5ZK.js";
export {
  apiCall,
  createGitHubApi,
  createOctokit
};
