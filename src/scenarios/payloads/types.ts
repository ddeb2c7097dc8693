/** A built-in example delivery: a body shaped like the provider's documented example. */
export interface PayloadExample {
  /** The event/topic header value this example is (X-GitHub-Event, X-Shopify-Topic...), if any. */
  readonly event?: string;
  readonly contentType: string;
  /** Template text: `${preview.url}` and `${env.X}` are substituted before signing. */
  readonly body: string;
}

/** The placeholder for the public URL, filled in when the delivery is rendered. */
// biome-ignore lint/suspicious/noTemplateCurlyInString: a scenario placeholder, not a JS template
export const PREVIEW_URL = "${preview.url}";

export const JSON_TYPE = "application/json";
export const FORM_TYPE = "application/x-www-form-urlencoded";

export function json(value: unknown, event?: string): PayloadExample {
  return { contentType: JSON_TYPE, body: JSON.stringify(value), ...(event === undefined ? {} : { event }) };
}

export function form(fields: Readonly<Record<string, string>>): PayloadExample {
  return { contentType: FORM_TYPE, body: new URLSearchParams(fields).toString() };
}
