import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  ArtifactTooLargeError,
  createRelayApi
} from "./chunk-S4AFL7NO.js";
import "./chunk-YBFULNOX.js";
import "./chunk-APRB5VJX.js";
import "./chunk-MTL5JJZW.js";
import "./chunk-QSITGZFO.js";
import "./chunk-TATCJCUR.js";
import "./chunk-RIQZ67RY.js";
import "./chunk-S4FSG2IO.js";
import "./chunk-PGICO5ZK.js";
export {
  ArtifactTooLargeError,
  createRelayApi
};
