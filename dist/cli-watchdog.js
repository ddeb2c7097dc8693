import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  runWatchdog,
  startWatchdog
} from "./chunk-DFYG2IFB.js";
import "./chunk-O3TADS5N.js";
import "./chunk-ZJNQSVQY.js";
import "./chunk-LDT6WRPX.js";
import "./chunk-EHOPSBCD.js";
import "./chunk-NR726SSU.js";
import "./chunk-TATCJCUR.js";
import "./chunk-VTIJIBSJ.js";
import "./chunk-VWFGOYLM.js";
import "./chunk-C6CPBUKC.js";
import "./chunk-RIQZ67RY.js";
import "./chunk-DDG4KZIH.js";
import "./chunk-S4FSG2IO.js";
import "./chunk-PGICO5ZK.js";
export {
  runWatchdog,
  startWatchdog
};
