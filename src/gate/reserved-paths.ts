/**
 * The gate's own namespace on the preview's URL, in one place: every path under
 * RESERVED_PREFIX belongs to the gate (or to what it mounts there), never to the app. The gate
 * answers a reserved path it does not know with 404; a webhook prefix may not lie inside it.
 * A new reserved path (a sign-in, an inspector) is added here, then handled by a gate stage.
 */

import { INSPECT_PATH } from "./inspector/protocol.js";
import { isUnder } from "./request-path.js";

/** The namespace itself; every reserved path is under it. */
export const RESERVED_ROOT = "/__preview";
export const RESERVED_PREFIX = `${RESERVED_ROOT}/`;

/** The tunnel probe, answered with the run's nonce to the holder of its key (probe.ts). */
export const PROBE_PATH = "/__preview/probe";

/** One-time login links that turn into a session cookie (auth.ts). */
export const LOGIN_PATH = "/__preview/login";

/** Where the test identity provider is mounted (src/idp), its issuer on the public URL. */
export const IDP_MOUNT_PATH = "/__preview/idp";

/** The GitHub sign-in (`auth: github`): its pages and endpoints, all under this path (github-signin/). */
export const SIGNIN_PATH = "/__preview/signin";

/** Signing out of the GitHub sign-in. */
export const LOGOUT_PATH = "/__preview/logout";

/**
 * The live request inspector (gate/inspector), reserved only while it is on: with
 * `inspector: false` its paths are the app's like any other.
 */
export { INSPECT_PATH };

/**
 * True for a path in the gate's namespace (`path` checked and decoded, see request-path.ts).
 * `inspector` false: the inspector's paths are not reserved.
 */
export function isReservedPath(path: string, inspector = true): boolean {
  return path.startsWith(RESERVED_PREFIX) && (inspector || !isUnder(path, INSPECT_PATH));
}
