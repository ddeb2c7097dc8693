import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  ArtifactTooLargeError,
  createRelayApi
} from "./chunk-I6NBWFX3.js";
import "./chunk-GCCKFXDP.js";
import "./chunk-APRB5VJX.js";
import "./chunk-MTL5JJZW.js";
import "./chunk-QSITGZFO.js";
import "./chunk-F6NLBT5A.js";
import "./chunk-HWQAXG6F.js";
import "./chunk-6OTEV7IO.js";
import "./chunk-PGICO5ZK.js";
export {
  ArtifactTooLargeError,
  createRelayApi
};
