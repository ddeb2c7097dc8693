/**
 * After the deliveries: `capture` values from the sent body or the app's first answer, then
 * each `then` request, asked again with growing pauses under `eventually` until its `expect`
 * holds or the time is up. This is how a scenario checks work the app does after its 200
 * (a queue, a background job). Every loop is bounded in time and in count.
 */

import { errorMessage } from "../errors.js";
import { sleep } from "../util/time.js";
import { mergeHeaders } from "./delivery.js";
import { checkReply, excerpt } from "./expect.js";
import { type agentsFor, type Sent, send } from "./http.js";
import { MISSING, valueAt } from "./json-path.js";
import type { Mismatch } from "./mismatch.js";
import type { FollowUpResult } from "./results.js";
import { render, type TemplateVars } from "./template.js";
import type { FollowUp, FollowUpRequest } from "./types.js";

/** First pause between polls; it grows ×1.5 up to MAX_PAUSE_MS. */
const FIRST_PAUSE_MS = 100;
const MAX_PAUSE_MS = 1000;
/** Requests one `then` may make, whatever `eventually` says. */
const MAX_REQUESTS = 1000;

export interface FollowUpContext {
  readonly baseUrl: string;
  readonly authHeader: string | undefined;
  readonly vars: TemplateVars;
  readonly agents: ReturnType<typeof agentsFor>;
  readonly timeoutMs: number;
  readonly signal: AbortSignal | undefined;
}

/** What captures read: the sent body of the first delivery, and the app's answer to it. */
export interface CaptureSource {
  readonly sent: Buffer;
  readonly response: Buffer | undefined;
}

function parse(bytes: Buffer | undefined): unknown {
  if (bytes === undefined) return MISSING;
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch {
    return MISSING;
  }
}

/** The captured values, or why one could not be taken. */
export function takeCaptures(
  followUp: FollowUp,
  source: CaptureSource,
): { values: Record<string, string> } | { error: string } {
  const values: Record<string, string> = {};
  const sent = parse(source.sent);
  const response = parse(source.response);
  for (const c of followUp.captures) {
    const root = c.from === "body" ? sent : response;
    const where = c.from === "body" ? "the sent body" : "the app's first answer";
    if (root === MISSING) return { error: `capture ${c.name}: ${where} is not JSON` };
    const value = valueAt(root, c.steps);
    if (value === MISSING || value === null)
      return { error: `capture ${c.name}: ${c.path} is not in ${where}` };
    values[c.name] = typeof value === "string" ? value : JSON.stringify(value);
  }
  return { values };
}

async function poll(
  request: FollowUpRequest,
  ctx: FollowUpContext,
  vars: TemplateVars,
): Promise<FollowUpResult> {
  const path = render(request.path, vars);
  const line = `${request.method} ${path}`;
  const headers: Record<string, string> = {};
  for (const [name, value] of request.headers) headers[name] = render(value, vars);
  const auth: Record<string, string> =
    request.sendAuth && ctx.authHeader ? { Authorization: ctx.authHeader } : {};
  const url = ctx.baseUrl.replace(/\/+$/, "") + path;
  const started = performance.now();
  const deadline = started + (request.eventuallyMs ?? 0);
  const limit = request.eventuallyMs === undefined ? 1 : MAX_REQUESTS;
  let wait = FIRST_PAUSE_MS;
  let reply: Sent | undefined;
  let mismatches: Mismatch[] = [];
  let error: string | undefined;
  let requests = 0;
  while (requests < limit) {
    requests++;
    try {
      reply = await send(url, {
        method: request.method,
        headers: mergeHeaders(headers, auth),
        body: Buffer.alloc(0),
        agents: ctx.agents,
        timeoutMs: ctx.timeoutMs,
        ...(ctx.signal ? { signal: ctx.signal } : {}),
      });
      error = undefined;
      mismatches = checkReply(request.expect, reply, vars);
      if (mismatches.length === 0) break;
    } catch (e) {
      reply = undefined;
      error = errorMessage(e);
    }
    if (ctx.signal?.aborted || performance.now() + wait > deadline) break;
    await sleep(wait, ctx.signal);
    wait = Math.min(wait * 1.5, MAX_PAUSE_MS);
  }
  return {
    request: line,
    line: request.line,
    passed: error === undefined && reply !== undefined && mismatches.length === 0,
    status: reply?.status,
    requests,
    elapsedMs: performance.now() - started,
    mismatches: reply === undefined ? [] : mismatches,
    error,
    responseExcerpt: reply === undefined ? "" : excerpt(reply.body, vars.redact),
  };
}

/** Every `then` request, one after another, after the captures are taken. */
export async function runFollowUp(
  followUp: FollowUp,
  ctx: FollowUpContext,
  source: CaptureSource,
): Promise<FollowUpResult[]> {
  const captured = takeCaptures(followUp, source);
  const results: FollowUpResult[] = [];
  for (const request of followUp.then) {
    if ("error" in captured) {
      results.push(notSent(request, captured.error));
      continue;
    }
    if (ctx.signal?.aborted) break;
    try {
      results.push(await poll(request, ctx, { ...ctx.vars, captures: captured.values }));
    } catch (error) {
      // A template that cannot be filled in (an unset ${env.X}).
      results.push(notSent(request, errorMessage(error)));
    }
  }
  return results;
}

/** A follow-up request that failed before it was sent (a capture or a template missing). */
function notSent(request: FollowUpRequest, error: string): FollowUpResult {
  return {
    request: `${request.method} ${request.path}`,
    line: request.line,
    passed: false,
    status: undefined,
    requests: 0,
    elapsedMs: 0,
    mismatches: [],
    error,
    responseExcerpt: "",
  };
}
