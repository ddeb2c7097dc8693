import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  runWatchdog,
  startWatchdog
} from "./chunk-UQMZWBMS.js";
import "./chunk-URHJZ42D.js";
import "./chunk-VAXRBNA3.js";
import "./chunk-CUHLHYZM.js";
import "./chunk-H5VRMRXI.js";
import "./chunk-4APMPA4J.js";
import "./chunk-F6NLBT5A.js";
import "./chunk-2OFYNOAK.js";
import "./chunk-H7O7IPFX.js";
import "./chunk-IWCDQGAF.js";
import "./chunk-HWQAXG6F.js";
import "./chunk-L2ZVH472.js";
import "./chunk-6OTEV7IO.js";
import "./chunk-PGICO5ZK.js";
export {
  runWatchdog,
  startWatchdog
};
