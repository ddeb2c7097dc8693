/** A scenario's templates filled in: the exact body bytes, path and headers of its deliveries. */
import { FORM_TYPE } from "./payloads/types.js";
import {
  asIs,
  type Escape,
  formValue,
  jsonString,
  render,
  renderJson,
  type TemplateVars,
} from "./template.js";
import type { BodyTemplate } from "./types.js";

function escapeFor(contentType: string): Escape {
  const type = contentType.toLowerCase();
  if (/^application\/(?:[\w.+-]+\+)?json\b/.test(type)) return jsonString;
  if (type.startsWith(FORM_TYPE)) return formValue;
  return asIs;
}

export function renderBody(body: BodyTemplate, contentType: string, vars: TemplateVars): Buffer {
  switch (body.kind) {
    case "text":
      return Buffer.from(render(body.text, vars, escapeFor(contentType)), "utf8");
    case "json":
      return Buffer.from(JSON.stringify(renderJson(body.value, vars)), "utf8");
    case "form":
      return Buffer.from(
        new URLSearchParams(
          body.fields.map(([k, v]): [string, string] => [render(k, vars), render(v, vars)]),
        ).toString(),
        "utf8",
      );
  }
}

/** Values go into the path as they are (a variable may hold a whole path or query). */
export function renderPath(path: string, vars: TemplateVars): string {
  return render(path, vars);
}
