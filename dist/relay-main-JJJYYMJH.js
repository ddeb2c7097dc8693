import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  coreLogger
} from "./chunk-KXBCKHGL.js";
import {
  info,
  setSecret
} from "./chunk-NL6I4WQY.js";
import {
  buildRelayConfig
} from "./chunk-QIB4KEPN.js";
import "./chunk-SKAUZFMM.js";
import "./chunk-ASMHSPIK.js";
import "./chunk-GCCKFXDP.js";
import "./chunk-APRB5VJX.js";
import "./chunk-WXR4GUQT.js";
import "./chunk-7S3VWT3P.js";
import "./chunk-STNDWCUP.js";
import "./chunk-ESYU76G7.js";
import "./chunk-WG4NBYV4.js";
import "./chunk-MTL5JJZW.js";
import "./chunk-QSITGZFO.js";
import "./chunk-VAXRBNA3.js";
import "./chunk-CUHLHYZM.js";
import "./chunk-H5VRMRXI.js";
import "./chunk-4APMPA4J.js";
import "./chunk-F6NLBT5A.js";
import "./chunk-2OFYNOAK.js";
import "./chunk-H7O7IPFX.js";
import "./chunk-IWCDQGAF.js";
import "./chunk-HWQAXG6F.js";
import "./chunk-TLG2RA2N.js";
import "./chunk-JOYH5WIN.js";
import "./chunk-DKZ2NEOY.js";
import "./chunk-L2ZVH472.js";
import "./chunk-6OTEV7IO.js";
import "./chunk-PGICO5ZK.js";

// src/action/relay-main.ts
async function runRelayMode(source, signal) {
  const { relay, publish } = buildRelayConfig(source);
  if (publish.token) setSecret(publish.token);
  const { runRelayAction } = await import("./relay-6HSVTQGS.js");
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
