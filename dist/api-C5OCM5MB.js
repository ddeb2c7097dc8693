import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  ArtifactTooLargeError,
  createRelayApi
} from "./chunk-5NBI7WUZ.js";
import "./chunk-QU3I3ZZN.js";
import "./chunk-APRB5VJX.js";
import "./chunk-5LIC4QMK.js";
import "./chunk-QSITGZFO.js";
import "./chunk-F6NLBT5A.js";
import "./chunk-HWQAXG6F.js";
import "./chunk-TQQFERRB.js";
import "./chunk-L2ZVH472.js";
import "./chunk-PGICO5ZK.js";
export {
  ArtifactTooLargeError,
  createRelayApi
};
