import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  __export,
  __require
} from "./chunk-PGICO5ZK.js";

// builtin:http
var http_exports = {};
__export(http_exports, {
  Agent: () => Agent,
  ClientRequest: () => ClientRequest,
  CloseEvent: () => CloseEvent,
  IncomingMessage: () => IncomingMessage,
  METHODS: () => METHODS,
  MessageEvent: () => MessageEvent,
  OutgoingMessage: () => OutgoingMessage,
  STATUS_CODES: () => STATUS_CODES,
  Server: () => Server,
  ServerResponse: () => ServerResponse,
  WebSocket: () => WebSocket,
  _connectionListener: () => _connectionListener,
  createServer: () => createServer,
  default: () => http_default,
  get: () => get,
  globalAgent: () => globalAgent,
  maxHeaderSize: () => maxHeaderSize,
  request: () => request,
  setGlobalProxyFromEnv: () => setGlobalProxyFromEnv,
  setMaxIdleHTTPParsers: () => setMaxIdleHTTPParsers,
  validateHeaderName: () => validateHeaderName,
  validateHeaderValue: () => validateHeaderValue
});
var builtin = __require("node:http");
var http_default = builtin;
var _connectionListener = /* @__PURE__ */ (() => builtin._connectionListener)();
var METHODS = /* @__PURE__ */ (() => builtin.METHODS)();
var STATUS_CODES = /* @__PURE__ */ (() => builtin.STATUS_CODES)();
var Agent = /* @__PURE__ */ (() => builtin.Agent)();
var ClientRequest = /* @__PURE__ */ (() => builtin.ClientRequest)();
var IncomingMessage = /* @__PURE__ */ (() => builtin.IncomingMessage)();
var OutgoingMessage = /* @__PURE__ */ (() => builtin.OutgoingMessage)();
var Server = /* @__PURE__ */ (() => builtin.Server)();
var ServerResponse = /* @__PURE__ */ (() => builtin.ServerResponse)();
var createServer = /* @__PURE__ */ (() => builtin.createServer)();
var validateHeaderName = /* @__PURE__ */ (() => builtin.validateHeaderName)();
var validateHeaderValue = /* @__PURE__ */ (() => builtin.validateHeaderValue)();
var get = /* @__PURE__ */ (() => builtin.get)();
var request = /* @__PURE__ */ (() => builtin.request)();
var setMaxIdleHTTPParsers = /* @__PURE__ */ (() => builtin.setMaxIdleHTTPParsers)();
var setGlobalProxyFromEnv = /* @__PURE__ */ (() => builtin.setGlobalProxyFromEnv)();
var maxHeaderSize = /* @__PURE__ */ (() => builtin.maxHeaderSize)();
var globalAgent = /* @__PURE__ */ (() => builtin.globalAgent)();
var WebSocket = /* @__PURE__ */ (() => builtin.WebSocket)();
var CloseEvent = /* @__PURE__ */ (() => builtin.CloseEvent)();
var MessageEvent = /* @__PURE__ */ (() => builtin.MessageEvent)();

export {
  http_default,
  STATUS_CODES,
  Agent,
  createServer,
  validateHeaderValue,
  globalAgent,
  http_exports
};
