/** The reserved paths this part answers (all under the gate's /__preview/ namespace). */
import { LOGOUT_PATH, SIGNIN_PATH } from "../reserved-paths.js";

export { LOGOUT_PATH, SIGNIN_PATH };
export const SIGNIN_PREFIX = `${SIGNIN_PATH}/`;
export const START_PATH = `${SIGNIN_PATH}/start`;
export const STATUS_PATH = `${SIGNIN_PATH}/status`;
export const CONTINUE_PATH = `${SIGNIN_PATH}/continue`;
export const SCRIPT_PATH = `${SIGNIN_PATH}/signin.js`;
export const STYLE_PATH = `${SIGNIN_PATH}/signin.css`;

/** Whether a path is one of this part's (cheap: called for every request). */
export function isSignInPath(pathname: string): boolean {
  return (
    pathname.startsWith("/__preview/") &&
    (pathname === SIGNIN_PATH || pathname.startsWith(SIGNIN_PREFIX) || pathname === LOGOUT_PATH)
  );
}
