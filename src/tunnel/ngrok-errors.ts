/**
 * ngrok's errors, turned into what to do. Codes from the SDK's errorCode (it parses the
 * "ERR_NGROK_<n>" at the end of the message); text matches for what has no stable code.
 */
export function ngrokErrorCode(error: unknown): string | undefined {
  const code = (error as { errorCode?: unknown }).errorCode;
  if (typeof code === "string") return code;
  const message = error instanceof Error ? error.message : String(error);
  return /\b(ERR_NGROK_\d+)\b/.exec(message)?.[1];
}

export function ngrokAdvice(code: string | undefined, message: string, domain: string | undefined): string {
  switch (code) {
    case "ERR_NGROK_108":
      return "Your ngrok account already has an agent session online, and the free plan allows one: parallel PR runs collide. Run previews one at a time (a workflow `concurrency:` group), stop the other agent (dashboard: Agents), or use provider: cloudflared.";
    case "ERR_NGROK_334":
      return `The endpoint${domain === undefined ? "" : ` ${domain}`} is already online, held by another run or agent. Wait for it to end, use a domain per run, or use provider: cloudflared.`;
    case "ERR_NGROK_105":
    case "ERR_NGROK_106":
    case "ERR_NGROK_107":
      return "ngrok rejected the authtoken (invalid, revoked or reset). Copy the current one from https://dashboard.ngrok.com/get-started/your-authtoken into the NGROK_AUTHTOKEN secret (or the ngrok-authtoken input).";
    case "ERR_NGROK_4018":
      return "ngrok needs an authtoken: set the NGROK_AUTHTOKEN secret (or the ngrok-authtoken input).";
    case "ERR_NGROK_120":
    case "ERR_NGROK_121":
      return "ngrok no longer accepts this agent version: update preview-tunnel to a release with a newer @ngrok/ngrok.";
  }
  if (/traffic.?policy/i.test(message))
    return "ngrok rejected the Traffic Policy: check ngrok-traffic-policy against https://ngrok.com/docs/traffic-policy/.";
  if (domain !== undefined && /domain|hostname/i.test(message))
    return `ngrok refused the domain ${domain}: ngrok-domain must be a domain reserved in this account (e.g. your free dev domain), or leave it empty.`;
  return "Check the message above; use provider: cloudflared or ssh to get a preview meanwhile.";
}
