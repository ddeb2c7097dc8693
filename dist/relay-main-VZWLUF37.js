import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  coreLogger
} from "./chunk-LFGR7MS7.js";
import {
  info,
  setSecret
} from "./chunk-YKLKHHX5.js";
import {
  buildRelayConfig
} from "./chunk-AZQK2MJW.js";
import "./chunk-SKAUZFMM.js";
import "./chunk-3Y4TJIQ3.js";
import "./chunk-YBFULNOX.js";
import "./chunk-APRB5VJX.js";
import "./chunk-WXR4GUQT.js";
import "./chunk-7S3VWT3P.js";
import "./chunk-STNDWCUP.js";
import "./chunk-FQHZH3D3.js";
import "./chunk-ADOYJPIF.js";
import "./chunk-MTL5JJZW.js";
import "./chunk-QSITGZFO.js";
import "./chunk-ZJNQSVQY.js";
import "./chunk-LDT6WRPX.js";
import "./chunk-EHOPSBCD.js";
import "./chunk-NR726SSU.js";
import "./chunk-TATCJCUR.js";
import "./chunk-VTIJIBSJ.js";
import "./chunk-VWFGOYLM.js";
import "./chunk-C6CPBUKC.js";
import "./chunk-RIQZ67RY.js";
import "./chunk-P7Z7VSPS.js";
import "./chunk-JOYH5WIN.js";
import "./chunk-YJNIKON3.js";
import "./chunk-DDG4KZIH.js";
import "./chunk-S4FSG2IO.js";
import "./chunk-PGICO5ZK.js";

// src/action/relay-main.ts
async function runRelayMode(source, signal) {
  const { relay, publish } = buildRelayConfig(source);
  if (publish.token) setSecret(publish.token);
  const { runRelayAction } = await import("./relay-JZ7AA4AF.js");
  const outcome = await runRelayAction({
    settings: relay,
    publish,
    env: process.env,
    logger: coreLogger,
    signal
  });
  if (outcome?.pullRequest !== void 0) {
    info(
      `Relay: pull request #${outcome.pullRequest}, ${outcome.shown.length} status(es) shown${outcome.refused ? ", one refused (see the warning above)" : ""}.`
    );
  }
}
export {
  runRelayMode
};
