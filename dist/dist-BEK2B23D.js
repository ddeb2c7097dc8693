import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  require_dist
} from "./chunk-LXKJYK3N.js";
import "./chunk-PGICO5ZK.js";
export default require_dist();
