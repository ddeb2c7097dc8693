/** Stage: a declared body larger than max-body gets 413 before a byte of it is read. */
import { declaredLength, tooLargeMessage } from "../limits.js";
import { reply } from "../respond.js";
import type { Stage } from "../stage.js";

export function bodyLimitStage(maxBodyBytes: number): Stage {
  return (ex) => {
    const length = declaredLength(ex.basics.contentLength);
    if (ex.body !== undefined || length === undefined || length <= maxBodyBytes) return false;
    reply(ex, 413, tooLargeMessage(maxBodyBytes));
    return true;
  };
}
