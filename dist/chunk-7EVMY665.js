import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  require_path
} from "./chunk-IWCDQGAF.js";
import {
  require_fs
} from "./chunk-HWQAXG6F.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-PGICO5ZK.js";

// builtin:module
var require_module = __commonJS({
  "builtin:module"(exports, module) {
    module.exports = __require("node:module");
  }
});

// builtin:url
var require_url = __commonJS({
  "builtin:url"(exports, module) {
    module.exports = __require("node:url");
  }
});

// src/util/vendored.ts
var import_node_fs = __toESM(require_fs(), 1);
var import_node_module = __toESM(require_module(), 1);
var import_node_path = __toESM(require_path(), 1);
var import_node_url = __toESM(require_url(), 1);
function vendoredDir(name) {
  return import_node_path.default.join(import_node_path.default.dirname((0, import_node_url.fileURLToPath)(import.meta.url)), name);
}
async function loadVendored(dir, specifier) {
  const entry = dir === void 0 ? void 0 : import_node_path.default.join(dir, "index.js");
  const copied = entry !== void 0 && (0, import_node_fs.existsSync)(entry);
  const loaded = copied ? (0, import_node_module.createRequire)(entry)(entry) : await import(specifier);
  return {
    module: loaded.default ?? loaded,
    from: copied ? dir : specifier
  };
}

export {
  require_module,
  require_url,
  vendoredDir,
  loadVendored
};
