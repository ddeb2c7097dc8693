/**
 * The marker a temporary hook carries, so that a later run can find and delete the hooks a
 * crashed run left behind pointing at a dead tunnel URL.
 *
 * It lives in the URL's query string (`?preview-tunnel-hook=<scope>~<run>`), not in the hook's
 * `config`: GitHub keeps `config.url` exactly as given, while a repository hook's config holds
 * only the fields GitHub documents (url, content_type, secret, insecure_ssl), so an extra key
 * there is not something to rely on. Apps ignore a query parameter on their webhook path, the
 * gate matches webhook rules on the path alone, and GitHub signs only the body.
 *
 * `scope` names the preview within the repository (e.g. the comment key and PR number): a
 * hook with our scope but another run is an earlier run's. `run` makes each run's URL unique,
 * so GitHub's "Hook already exists" (same URL twice) cannot hit a run whose tunnel kept its
 * domain (ngrok's static domain).
 */

export const MARKER_PARAM = "preview-tunnel-hook";

export interface HookMarker {
  readonly scope: string;
  readonly run: string;
}

/** Letters, digits, "-", "_" and "." only (the rest becomes "-"), at most 100 characters. */
export function markerPart(text: string): string {
  const clean = text.replace(/[^A-Za-z0-9_.-]+/g, "-").replace(/^-+|-+$/g, "");
  return (clean || "preview").slice(0, 100);
}

/** The hook's URL: the public URL, the path (and its query), and the marker. */
export function markedUrl(publicUrl: string, path: string, marker: HookMarker): string {
  const url = new URL(publicUrl.replace(/\/+$/, "") + (path.startsWith("/") ? path : `/${path}`));
  url.searchParams.set(MARKER_PARAM, `${markerPart(marker.scope)}~${markerPart(marker.run)}`);
  return url.href;
}

/** The marker of a hook URL, or undefined when the hook is not one of ours. */
export function readMarker(hookUrl: string): HookMarker | undefined {
  let value: string | null;
  try {
    value = new URL(hookUrl).searchParams.get(MARKER_PARAM);
  } catch {
    return undefined;
  }
  const m = value === null ? null : /^([A-Za-z0-9_.-]+)~([A-Za-z0-9_.-]+)$/.exec(value);
  return m ? { scope: m[1] as string, run: m[2] as string } : undefined;
}

/** The URL without its marker: what reports show. */
export function withoutMarker(hookUrl: string): string {
  try {
    const url = new URL(hookUrl);
    url.searchParams.delete(MARKER_PARAM);
    return url.href;
  } catch {
    return hookUrl;
  }
}
