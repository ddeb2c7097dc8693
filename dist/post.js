import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
var __defProp = Object.defineProperty;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// builtin:fs
var builtin, appendFileSync, existsSync, mkdirSync, readFileSync, statSync, constants, promises;
var init_fs = __esm({
  "builtin:fs"() {
    builtin = __require("node:fs");
    appendFileSync = /* @__PURE__ */ (() => builtin.appendFileSync)();
    existsSync = /* @__PURE__ */ (() => builtin.existsSync)();
    mkdirSync = /* @__PURE__ */ (() => builtin.mkdirSync)();
    readFileSync = /* @__PURE__ */ (() => builtin.readFileSync)();
    statSync = /* @__PURE__ */ (() => builtin.statSync)();
    constants = /* @__PURE__ */ (() => builtin.constants)();
    promises = /* @__PURE__ */ (() => builtin.promises)();
  }
});

// builtin:path
var builtin2, path_default, sep, delimiter;
var init_path = __esm({
  "builtin:path"() {
    builtin2 = __require("node:path");
    path_default = builtin2;
    sep = /* @__PURE__ */ (() => builtin2.sep)();
    delimiter = /* @__PURE__ */ (() => builtin2.delimiter)();
  }
});

// builtin:os
var builtin3, os_default, tmpdir, EOL;
var init_os = __esm({
  "builtin:os"() {
    builtin3 = __require("node:os");
    os_default = builtin3;
    tmpdir = /* @__PURE__ */ (() => builtin3.tmpdir)();
    EOL = /* @__PURE__ */ (() => builtin3.EOL)();
  }
});

// node_modules/@actions/core/lib/utils.js
function toCommandValue(input) {
  if (input === null || input === void 0) {
    return "";
  } else if (typeof input === "string" || input instanceof String) {
    return input;
  }
  return JSON.stringify(input);
}
function toCommandProperties(annotationProperties) {
  if (!Object.keys(annotationProperties).length) {
    return {};
  }
  return {
    title: annotationProperties.title,
    file: annotationProperties.file,
    line: annotationProperties.startLine,
    endLine: annotationProperties.endLine,
    col: annotationProperties.startColumn,
    endColumn: annotationProperties.endColumn
  };
}
var init_utils = __esm({
  "node_modules/@actions/core/lib/utils.js"() {
  }
});

// node_modules/@actions/core/lib/command.js
function issueCommand(command, properties, message) {
  const cmd = new Command(command, properties, message);
  process.stdout.write(cmd.toString() + EOL);
}
function issue(name, message = "") {
  issueCommand(name, {}, message);
}
function escapeData(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
}
var CMD_STRING, Command;
var init_command = __esm({
  "node_modules/@actions/core/lib/command.js"() {
    init_os();
    init_utils();
    CMD_STRING = "::";
    Command = class {
      constructor(command, properties, message) {
        if (!command) {
          command = "missing.command";
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
      }
      toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
          cmdStr += " ";
          let first = true;
          for (const key in this.properties) {
            if (this.properties.hasOwnProperty(key)) {
              const val = this.properties[key];
              if (val) {
                if (first) {
                  first = false;
                } else {
                  cmdStr += ",";
                }
                cmdStr += `${key}=${escapeProperty(val)}`;
              }
            }
          }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
      }
    };
  }
});

// builtin:crypto
var builtin4, randomUUID;
var init_crypto = __esm({
  "builtin:crypto"() {
    builtin4 = __require("node:crypto");
    randomUUID = /* @__PURE__ */ (() => builtin4.randomUUID)();
  }
});

// node_modules/@actions/core/lib/file-command.js
function issueFileCommand(command, message) {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) {
    throw new Error(`Unable to find environment variable for file command ${command}`);
  }
  if (!existsSync(filePath)) {
    throw new Error(`Missing file at path: ${filePath}`);
  }
  appendFileSync(filePath, `${toCommandValue(message)}${EOL}`, {
    encoding: "utf8"
  });
}
function prepareKeyValueMessage(key, value) {
  const delimiter2 = `ghadelimiter_${randomUUID()}`;
  const convertedValue = toCommandValue(value);
  if (key.includes(delimiter2)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter2}"`);
  }
  if (convertedValue.includes(delimiter2)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter2}"`);
  }
  return `${key}<<${delimiter2}${EOL}${convertedValue}${EOL}${delimiter2}`;
}
var init_file_command = __esm({
  "node_modules/@actions/core/lib/file-command.js"() {
    init_crypto();
    init_fs();
    init_os();
    init_utils();
  }
});

// core-stand-in:@actions/http-client
var unused, HttpClient, getExecOutput, exec;
var init_http_client = __esm({
  "core-stand-in:@actions/http-client"() {
    unused = (what) => () => {
      throw new Error(what + " is not part of this bundle");
    };
    HttpClient = class {
      constructor() {
        unused("core.getIDToken")();
      }
    };
    getExecOutput = unused("core.platform");
    exec = unused("core.platform");
  }
});

// core-stand-in:@actions/http-client/lib/auth
var unused2, BearerCredentialHandler, getExecOutput2, exec2;
var init_auth = __esm({
  "core-stand-in:@actions/http-client/lib/auth"() {
    unused2 = (what) => () => {
      throw new Error(what + " is not part of this bundle");
    };
    BearerCredentialHandler = class {
      constructor() {
        unused2("core.getIDToken")();
      }
    };
    getExecOutput2 = unused2("core.platform");
    exec2 = unused2("core.platform");
  }
});

// node_modules/@actions/core/lib/oidc-utils.js
var __awaiter, OidcClient;
var init_oidc_utils = __esm({
  "node_modules/@actions/core/lib/oidc-utils.js"() {
    init_http_client();
    init_auth();
    init_core();
    __awaiter = function(thisArg, _arguments, P, generator) {
      function adopt(value) {
        return value instanceof P ? value : new P(function(resolve) {
          resolve(value);
        });
      }
      return new (P || (P = Promise))(function(resolve, reject) {
        function fulfilled(value) {
          try {
            step(generator.next(value));
          } catch (e) {
            reject(e);
          }
        }
        function rejected(value) {
          try {
            step(generator["throw"](value));
          } catch (e) {
            reject(e);
          }
        }
        function step(result) {
          result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
        }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
      });
    };
    OidcClient = class _OidcClient {
      static createHttpClient(allowRetry = true, maxRetry = 10) {
        const requestOptions = {
          allowRetries: allowRetry,
          maxRetries: maxRetry
        };
        return new HttpClient("actions/oidc-client", [new BearerCredentialHandler(_OidcClient.getRequestToken())], requestOptions);
      }
      static getRequestToken() {
        const token = process.env["ACTIONS_ID_TOKEN_REQUEST_TOKEN"];
        if (!token) {
          throw new Error("Unable to get ACTIONS_ID_TOKEN_REQUEST_TOKEN env variable");
        }
        return token;
      }
      static getIDTokenUrl() {
        const runtimeUrl = process.env["ACTIONS_ID_TOKEN_REQUEST_URL"];
        if (!runtimeUrl) {
          throw new Error("Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable");
        }
        return runtimeUrl;
      }
      static getCall(id_token_url) {
        return __awaiter(this, void 0, void 0, function* () {
          var _a;
          const httpclient = _OidcClient.createHttpClient();
          const res = yield httpclient.getJson(id_token_url).catch((error2) => {
            throw new Error(`Failed to get ID Token. 
 
        Error Code : ${error2.statusCode}
 
        Error Message: ${error2.message}`);
          });
          const id_token = (_a = res.result) === null || _a === void 0 ? void 0 : _a.value;
          if (!id_token) {
            throw new Error("Response json body do not have ID Token field");
          }
          return id_token;
        });
      }
      static getIDToken(audience) {
        return __awaiter(this, void 0, void 0, function* () {
          try {
            let id_token_url = _OidcClient.getIDTokenUrl();
            if (audience) {
              const encodedAudience = encodeURIComponent(audience);
              id_token_url = `${id_token_url}&audience=${encodedAudience}`;
            }
            debug(`ID token url is ${id_token_url}`);
            const id_token = yield _OidcClient.getCall(id_token_url);
            setSecret(id_token);
            return id_token;
          } catch (error2) {
            throw new Error(`Error message: ${error2.message}`);
          }
        });
      }
    };
  }
});

// node_modules/@actions/core/lib/summary.js
var __awaiter2, access, appendFile, writeFile, SUMMARY_ENV_VAR, Summary, _summary, markdownSummary, summary;
var init_summary = __esm({
  "node_modules/@actions/core/lib/summary.js"() {
    init_os();
    init_fs();
    __awaiter2 = function(thisArg, _arguments, P, generator) {
      function adopt(value) {
        return value instanceof P ? value : new P(function(resolve) {
          resolve(value);
        });
      }
      return new (P || (P = Promise))(function(resolve, reject) {
        function fulfilled(value) {
          try {
            step(generator.next(value));
          } catch (e) {
            reject(e);
          }
        }
        function rejected(value) {
          try {
            step(generator["throw"](value));
          } catch (e) {
            reject(e);
          }
        }
        function step(result) {
          result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
        }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
      });
    };
    ({ access, appendFile, writeFile } = promises);
    SUMMARY_ENV_VAR = "GITHUB_STEP_SUMMARY";
    Summary = class {
      constructor() {
        this._buffer = "";
      }
      /**
       * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
       * Also checks r/w permissions.
       *
       * @returns step summary file path
       */
      filePath() {
        return __awaiter2(this, void 0, void 0, function* () {
          if (this._filePath) {
            return this._filePath;
          }
          const pathFromEnv = process.env[SUMMARY_ENV_VAR];
          if (!pathFromEnv) {
            throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
          }
          try {
            yield access(pathFromEnv, constants.R_OK | constants.W_OK);
          } catch (_a) {
            throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
          }
          this._filePath = pathFromEnv;
          return this._filePath;
        });
      }
      /**
       * Wraps content in an HTML tag, adding any HTML attributes
       *
       * @param {string} tag HTML tag to wrap
       * @param {string | null} content content within the tag
       * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
       *
       * @returns {string} content wrapped in HTML element
       */
      wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs).map(([key, value]) => ` ${key}="${value}"`).join("");
        if (!content) {
          return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
      }
      /**
       * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
       *
       * @param {SummaryWriteOptions} [options] (optional) options for write operation
       *
       * @returns {Promise<Summary>} summary instance
       */
      write(options) {
        return __awaiter2(this, void 0, void 0, function* () {
          const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
          const filePath = yield this.filePath();
          const writeFunc = overwrite ? writeFile : appendFile;
          yield writeFunc(filePath, this._buffer, { encoding: "utf8" });
          return this.emptyBuffer();
        });
      }
      /**
       * Clears the summary buffer and wipes the summary file
       *
       * @returns {Summary} summary instance
       */
      clear() {
        return __awaiter2(this, void 0, void 0, function* () {
          return this.emptyBuffer().write({ overwrite: true });
        });
      }
      /**
       * Returns the current summary buffer as a string
       *
       * @returns {string} string of summary buffer
       */
      stringify() {
        return this._buffer;
      }
      /**
       * If the summary buffer is empty
       *
       * @returns {boolen} true if the buffer is empty
       */
      isEmptyBuffer() {
        return this._buffer.length === 0;
      }
      /**
       * Resets the summary buffer without writing to summary file
       *
       * @returns {Summary} summary instance
       */
      emptyBuffer() {
        this._buffer = "";
        return this;
      }
      /**
       * Adds raw text to the summary buffer
       *
       * @param {string} text content to add
       * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
       *
       * @returns {Summary} summary instance
       */
      addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
      }
      /**
       * Adds the operating system-specific end-of-line marker to the buffer
       *
       * @returns {Summary} summary instance
       */
      addEOL() {
        return this.addRaw(EOL);
      }
      /**
       * Adds an HTML codeblock to the summary buffer
       *
       * @param {string} code content to render within fenced code block
       * @param {string} lang (optional) language to syntax highlight code
       *
       * @returns {Summary} summary instance
       */
      addCodeBlock(code, lang) {
        const attrs = Object.assign({}, lang && { lang });
        const element = this.wrap("pre", this.wrap("code", code), attrs);
        return this.addRaw(element).addEOL();
      }
      /**
       * Adds an HTML list to the summary buffer
       *
       * @param {string[]} items list of items to render
       * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
       *
       * @returns {Summary} summary instance
       */
      addList(items, ordered = false) {
        const tag = ordered ? "ol" : "ul";
        const listItems = items.map((item) => this.wrap("li", item)).join("");
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
      }
      /**
       * Adds an HTML table to the summary buffer
       *
       * @param {SummaryTableCell[]} rows table rows
       *
       * @returns {Summary} summary instance
       */
      addTable(rows) {
        const tableBody = rows.map((row) => {
          const cells = row.map((cell) => {
            if (typeof cell === "string") {
              return this.wrap("td", cell);
            }
            const { header, data, colspan, rowspan } = cell;
            const tag = header ? "th" : "td";
            const attrs = Object.assign(Object.assign({}, colspan && { colspan }), rowspan && { rowspan });
            return this.wrap(tag, data, attrs);
          }).join("");
          return this.wrap("tr", cells);
        }).join("");
        const element = this.wrap("table", tableBody);
        return this.addRaw(element).addEOL();
      }
      /**
       * Adds a collapsable HTML details element to the summary buffer
       *
       * @param {string} label text for the closed state
       * @param {string} content collapsable content
       *
       * @returns {Summary} summary instance
       */
      addDetails(label, content) {
        const element = this.wrap("details", this.wrap("summary", label) + content);
        return this.addRaw(element).addEOL();
      }
      /**
       * Adds an HTML image tag to the summary buffer
       *
       * @param {string} src path to the image you to embed
       * @param {string} alt text description of the image
       * @param {SummaryImageOptions} options (optional) addition image attributes
       *
       * @returns {Summary} summary instance
       */
      addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, width && { width }), height && { height });
        const element = this.wrap("img", null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
      }
      /**
       * Adds an HTML section heading element
       *
       * @param {string} text heading text
       * @param {number | string} [level=1] (optional) the heading level, default: 1
       *
       * @returns {Summary} summary instance
       */
      addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ["h1", "h2", "h3", "h4", "h5", "h6"].includes(tag) ? tag : "h1";
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
      }
      /**
       * Adds an HTML thematic break (<hr>) to the summary buffer
       *
       * @returns {Summary} summary instance
       */
      addSeparator() {
        const element = this.wrap("hr", null);
        return this.addRaw(element).addEOL();
      }
      /**
       * Adds an HTML line break (<br>) to the summary buffer
       *
       * @returns {Summary} summary instance
       */
      addBreak() {
        const element = this.wrap("br", null);
        return this.addRaw(element).addEOL();
      }
      /**
       * Adds an HTML blockquote to the summary buffer
       *
       * @param {string} text quote text
       * @param {string} cite (optional) citation url
       *
       * @returns {Summary} summary instance
       */
      addQuote(text, cite) {
        const attrs = Object.assign({}, cite && { cite });
        const element = this.wrap("blockquote", text, attrs);
        return this.addRaw(element).addEOL();
      }
      /**
       * Adds an HTML anchor tag to the summary buffer
       *
       * @param {string} text link text/content
       * @param {string} href hyperlink
       *
       * @returns {Summary} summary instance
       */
      addLink(text, href) {
        const element = this.wrap("a", text, { href });
        return this.addRaw(element).addEOL();
      }
    };
    _summary = new Summary();
    markdownSummary = _summary;
    summary = _summary;
  }
});

// node_modules/@actions/core/lib/path-utils.js
function toPosixPath(pth) {
  return pth.replace(/[\\]/g, "/");
}
function toWin32Path(pth) {
  return pth.replace(/[/]/g, "\\");
}
function toPlatformPath(pth) {
  return pth.replace(/[/\\]/g, sep);
}
var init_path_utils = __esm({
  "node_modules/@actions/core/lib/path-utils.js"() {
    init_path();
  }
});

// core-stand-in:@actions/exec
var unused3, getExecOutput3, exec3;
var init_exec = __esm({
  "core-stand-in:@actions/exec"() {
    unused3 = (what) => () => {
      throw new Error(what + " is not part of this bundle");
    };
    getExecOutput3 = unused3("core.platform");
    exec3 = unused3("core.platform");
  }
});

// node_modules/@actions/core/lib/platform.js
var platform_exports = {};
__export(platform_exports, {
  arch: () => arch,
  getDetails: () => getDetails,
  isLinux: () => isLinux,
  isMacOS: () => isMacOS,
  isWindows: () => isWindows,
  platform: () => platform
});
function getDetails() {
  return __awaiter3(this, void 0, void 0, function* () {
    return Object.assign(Object.assign({}, yield isWindows ? getWindowsInfo() : isMacOS ? getMacOsInfo() : getLinuxInfo()), {
      platform,
      arch,
      isWindows,
      isMacOS,
      isLinux
    });
  });
}
var __awaiter3, getWindowsInfo, getMacOsInfo, getLinuxInfo, platform, arch, isWindows, isMacOS, isLinux;
var init_platform = __esm({
  "node_modules/@actions/core/lib/platform.js"() {
    init_os();
    init_exec();
    __awaiter3 = function(thisArg, _arguments, P, generator) {
      function adopt(value) {
        return value instanceof P ? value : new P(function(resolve) {
          resolve(value);
        });
      }
      return new (P || (P = Promise))(function(resolve, reject) {
        function fulfilled(value) {
          try {
            step(generator.next(value));
          } catch (e) {
            reject(e);
          }
        }
        function rejected(value) {
          try {
            step(generator["throw"](value));
          } catch (e) {
            reject(e);
          }
        }
        function step(result) {
          result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
        }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
      });
    };
    getWindowsInfo = () => __awaiter3(void 0, void 0, void 0, function* () {
      const { stdout: version } = yield getExecOutput3('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Version"', void 0, {
        silent: true
      });
      const { stdout: name } = yield getExecOutput3('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Caption"', void 0, {
        silent: true
      });
      return {
        name: name.trim(),
        version: version.trim()
      };
    });
    getMacOsInfo = () => __awaiter3(void 0, void 0, void 0, function* () {
      var _a, _b, _c, _d;
      const { stdout } = yield getExecOutput3("sw_vers", void 0, {
        silent: true
      });
      const version = (_b = (_a = stdout.match(/ProductVersion:\s*(.+)/)) === null || _a === void 0 ? void 0 : _a[1]) !== null && _b !== void 0 ? _b : "";
      const name = (_d = (_c = stdout.match(/ProductName:\s*(.+)/)) === null || _c === void 0 ? void 0 : _c[1]) !== null && _d !== void 0 ? _d : "";
      return {
        name,
        version
      };
    });
    getLinuxInfo = () => __awaiter3(void 0, void 0, void 0, function* () {
      const { stdout } = yield getExecOutput3("lsb_release", ["-i", "-r", "-s"], {
        silent: true
      });
      const [name, version] = stdout.trim().split("\n");
      return {
        name,
        version
      };
    });
    platform = os_default.platform();
    arch = os_default.arch();
    isWindows = platform === "win32";
    isMacOS = platform === "darwin";
    isLinux = platform === "linux";
  }
});

// node_modules/@actions/core/lib/core.js
var core_exports = {};
__export(core_exports, {
  ExitCode: () => ExitCode,
  addPath: () => addPath,
  debug: () => debug,
  endGroup: () => endGroup,
  error: () => error,
  exportVariable: () => exportVariable,
  getBooleanInput: () => getBooleanInput,
  getIDToken: () => getIDToken,
  getInput: () => getInput,
  getMultilineInput: () => getMultilineInput,
  getState: () => getState,
  group: () => group,
  info: () => info,
  isDebug: () => isDebug,
  markdownSummary: () => markdownSummary,
  notice: () => notice,
  platform: () => platform_exports,
  saveState: () => saveState,
  setCommandEcho: () => setCommandEcho,
  setFailed: () => setFailed,
  setOutput: () => setOutput,
  setSecret: () => setSecret,
  startGroup: () => startGroup,
  summary: () => summary,
  toPlatformPath: () => toPlatformPath,
  toPosixPath: () => toPosixPath,
  toWin32Path: () => toWin32Path,
  warning: () => warning
});
function exportVariable(name, val) {
  const convertedVal = toCommandValue(val);
  process.env[name] = convertedVal;
  const filePath = process.env["GITHUB_ENV"] || "";
  if (filePath) {
    return issueFileCommand("ENV", prepareKeyValueMessage(name, val));
  }
  issueCommand("set-env", { name }, convertedVal);
}
function setSecret(secret) {
  issueCommand("add-mask", {}, secret);
}
function addPath(inputPath) {
  const filePath = process.env["GITHUB_PATH"] || "";
  if (filePath) {
    issueFileCommand("PATH", inputPath);
  } else {
    issueCommand("add-path", {}, inputPath);
  }
  process.env["PATH"] = `${inputPath}${delimiter}${process.env["PATH"]}`;
}
function getInput(name, options) {
  const val = process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] || "";
  if (options && options.required && !val) {
    throw new Error(`Input required and not supplied: ${name}`);
  }
  if (options && options.trimWhitespace === false) {
    return val;
  }
  return val.trim();
}
function getMultilineInput(name, options) {
  const inputs = getInput(name, options).split("\n").filter((x) => x !== "");
  if (options && options.trimWhitespace === false) {
    return inputs;
  }
  return inputs.map((input) => input.trim());
}
function getBooleanInput(name, options) {
  const trueValue = ["true", "True", "TRUE"];
  const falseValue = ["false", "False", "FALSE"];
  const val = getInput(name, options);
  if (trueValue.includes(val))
    return true;
  if (falseValue.includes(val))
    return false;
  throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}
Support boolean input list: \`true | True | TRUE | false | False | FALSE\``);
}
function setOutput(name, value) {
  const filePath = process.env["GITHUB_OUTPUT"] || "";
  if (filePath) {
    return issueFileCommand("OUTPUT", prepareKeyValueMessage(name, value));
  }
  process.stdout.write(EOL);
  issueCommand("set-output", { name }, toCommandValue(value));
}
function setCommandEcho(enabled) {
  issue("echo", enabled ? "on" : "off");
}
function setFailed(message) {
  process.exitCode = ExitCode.Failure;
  error(message);
}
function isDebug() {
  return process.env["RUNNER_DEBUG"] === "1";
}
function debug(message) {
  issueCommand("debug", {}, message);
}
function error(message, properties = {}) {
  issueCommand("error", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function warning(message, properties = {}) {
  issueCommand("warning", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function notice(message, properties = {}) {
  issueCommand("notice", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function info(message) {
  process.stdout.write(message + EOL);
}
function startGroup(name) {
  issue("group", name);
}
function endGroup() {
  issue("endgroup");
}
function group(name, fn) {
  return __awaiter4(this, void 0, void 0, function* () {
    startGroup(name);
    let result;
    try {
      result = yield fn();
    } finally {
      endGroup();
    }
    return result;
  });
}
function saveState(name, value) {
  const filePath = process.env["GITHUB_STATE"] || "";
  if (filePath) {
    return issueFileCommand("STATE", prepareKeyValueMessage(name, value));
  }
  issueCommand("save-state", { name }, toCommandValue(value));
}
function getState(name) {
  return process.env[`STATE_${name}`] || "";
}
function getIDToken(aud) {
  return __awaiter4(this, void 0, void 0, function* () {
    return yield OidcClient.getIDToken(aud);
  });
}
var __awaiter4, ExitCode;
var init_core = __esm({
  "node_modules/@actions/core/lib/core.js"() {
    init_command();
    init_file_command();
    init_utils();
    init_os();
    init_path();
    init_oidc_utils();
    init_summary();
    init_summary();
    init_path_utils();
    init_platform();
    __awaiter4 = function(thisArg, _arguments, P, generator) {
      function adopt(value) {
        return value instanceof P ? value : new P(function(resolve) {
          resolve(value);
        });
      }
      return new (P || (P = Promise))(function(resolve, reject) {
        function fulfilled(value) {
          try {
            step(generator.next(value));
          } catch (e) {
            reject(e);
          }
        }
        function rejected(value) {
          try {
            step(generator["throw"](value));
          } catch (e) {
            reject(e);
          }
        }
        function step(result) {
          result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
        }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
      });
    };
    (function(ExitCode2) {
      ExitCode2[ExitCode2["Success"] = 0] = "Success";
      ExitCode2[ExitCode2["Failure"] = 1] = "Failure";
    })(ExitCode || (ExitCode = {}));
  }
});

// src/errors.ts
function errorMessage(error2) {
  return error2 instanceof Error ? error2.message : String(error2);
}

// src/session/state.ts
init_fs();
init_path();
var STATE = {
  runId: "run-id",
  appPid: "app-pid",
  testPid: "test-pid",
  appLog: "app-log",
  tornDown: "torn-down",
  runDir: "run-dir",
  supervisorPid: "supervisor-pid",
  /** How much of the supervisor's log the main step already showed. */
  supervisorLogShown: "supervisor-log-shown",
  /** Written by the supervisor: the app's crash, with its last output. */
  crash: "crash",
  /** Written by the supervisor at the end: the RunResult as JSON, for the post step's summary. */
  result: "result",
  harPath: "har-path",
  /** What was published (comment and deployment ids, phase), to finish it from another process. */
  publisher: "publisher",
  /** The preview's statuses went to the relay workflow: where it was (JSON), to finish the series. */
  relay: "relay",
  /** The action's mode, when not `preview` (`relay`: the post step has nothing to do). */
  mode: "mode",
  /** The run's temporary GitHub webhook (SavedHook as JSON) until it is deleted; "" once it is. */
  githubHook: "github-hook"
};
var STATE_FILE = "state.json";
function readStateFile(runDir) {
  try {
    return JSON.parse(readFileSync(path_default.join(runDir, STATE_FILE), "utf8"));
  } catch {
    return {};
  }
}
function readSavedState(get) {
  const runDir = get(STATE.runDir) || void 0;
  const fromFile = runDir ? readStateFile(runDir) : {};
  const value = (key) => get(key) || fromFile[key] || "";
  const pid = (key) => {
    const n = Number(value(key));
    return Number.isInteger(n) && n > 0 ? n : void 0;
  };
  return {
    runId: value(STATE.runId) || void 0,
    runDir,
    appPid: pid(STATE.appPid),
    testPid: pid(STATE.testPid),
    supervisorPid: pid(STATE.supervisorPid),
    supervisorLogShown: Number(value(STATE.supervisorLogShown)) || 0,
    appLog: value(STATE.appLog) || void 0,
    tornDown: value(STATE.tornDown) === "true",
    crash: value(STATE.crash) || void 0,
    result: value(STATE.result) || void 0,
    publisher: value(STATE.publisher) || void 0,
    relay: value(STATE.relay) || void 0,
    mode: value(STATE.mode) || void 0,
    githubHook: savedHook(value(STATE.githubHook))
  };
}
function savedHook(text) {
  try {
    const hook = JSON.parse(text);
    return typeof hook?.id === "number" && typeof hook.owner === "string" && typeof hook.repo === "string" && typeof hook.apiUrl === "string" ? { id: hook.id, owner: hook.owner, repo: hook.repo, apiUrl: hook.apiUrl } : void 0;
  } catch {
    return void 0;
  }
}

// src/action/post.ts
var savedState = (key) => process.env[`STATE_${key}`] ?? "";
async function runPost() {
  try {
    const state = readSavedState(savedState);
    if (state.mode === "relay") {
      process.stdout.write("preview-tunnel: relay mode; nothing to clean up.\n");
      return;
    }
    const runId = state.runId;
    if (!runId) {
      process.stdout.write("preview-tunnel: the main step started nothing; nothing to clean up.\n");
      return;
    }
    const { cleanUp } = await import("./action-post-cleanup.js");
    await cleanUp({ ...state, runId });
  } catch (error2) {
    (await Promise.resolve().then(() => (init_core(), core_exports))).warning(`preview-tunnel cleanup: ${errorMessage(error2)}`);
  }
}

// builtin:module
var builtin5 = __require("node:module");
var module_default = builtin5;

// src/util/compile-cache.ts
init_os();
init_path();

// src/util/make-dir.ts
init_fs();
init_path();
var MakeDirError = class extends Error {
  constructor(dir, reason) {
    super(`cannot create the directory ${dir}: ${reason}`);
    this.dir = dir;
    this.reason = reason;
    this.name = "MakeDirError";
  }
  dir;
  reason;
};
function makeDir(dir, mode) {
  const target = path_default.resolve(dir);
  const missing = [];
  let existing = target;
  for (; ; ) {
    const stat = statSync(existing, { throwIfNoEntry: false });
    if (stat !== void 0) {
      if (!stat.isDirectory()) throw new MakeDirError(target, `${existing} is not a directory`);
      break;
    }
    const parent = path_default.dirname(existing);
    if (parent === existing) throw new MakeDirError(target, `${existing} does not exist`);
    missing.push(existing);
    existing = parent;
  }
  for (const part of missing.reverse()) {
    try {
      mkdirSync(part, mode === void 0 ? void 0 : { mode });
    } catch (error2) {
      const code = error2.code;
      if (code === "EEXIST" && statSync(part, { throwIfNoEntry: false })?.isDirectory()) continue;
      const why = code === "ENOENT" ? `${path_default.dirname(part)} cannot hold directories` : code === "EACCES" || code === "EPERM" ? `no permission to create ${part}` : code === "EROFS" ? `${path_default.dirname(part)} is on a read-only file system` : `${code ?? "error"} creating ${part}`;
      throw new MakeDirError(target, why);
    }
  }
}

// src/util/compile-cache.ts
function enableCompileCache(env = process.env) {
  const runnerTemp = env.RUNNER_TEMP;
  const dir = runnerTemp ? path_default.join(runnerTemp, "preview-tunnel-compile-cache") : path_default.join(tmpdir(), "node-compile-cache");
  try {
    makeDir(dir);
    module_default.enableCompileCache?.(dir);
  } catch {
  }
}

// src/post.ts
enableCompileCache();
await runPost();
