import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);

// src/github/api.ts
var GitHubApiError = class extends Error {
  constructor(message, status, options) {
    super(message, options);
    this.status = status;
    this.name = "GitHubApiError";
  }
  status;
  /** The token may not do this (read-only token, missing `permissions`, bad token). */
  get forbidden() {
    return (this.status === 401 || this.status === 403) && !this.rateLimited;
  }
  get rateLimited() {
    return /rate limit/i.test(this.message);
  }
};

export {
  GitHubApiError
};
