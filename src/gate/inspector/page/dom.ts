/**
 * Building the page's elements. Every value from a request (untrusted) goes in as a text
 * node or textContent, never as markup; attributes are set only with our own constant or
 * numeric values. Nothing in the page parses markup from a string (a unit test checks the sources).
 */

type Child = Node | string | undefined | false;

export interface Props {
  readonly class?: string;
  readonly text?: string;
  readonly title?: string;
  readonly attrs?: Readonly<Record<string, string>>;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.class) node.className = props.class;
  if (props.title !== undefined) node.title = props.title;
  for (const [name, value] of Object.entries(props.attrs ?? {})) node.setAttribute(name, value);
  if (props.text !== undefined) node.textContent = props.text;
  for (const child of children) {
    if (child === undefined || child === false) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (node === null) throw new Error(`the page lacks #${id}`);
  return node as T;
}

export function clear(node: Node): void {
  while (node.firstChild) node.firstChild.remove();
}

/**
 * Untrusted text as nodes: text nodes, with each control character (ANSI escapes...) as a
 * marked-up name (<span class="ctl">\x1b</span>), never interpreted by anything.
 */
export function textNodes(parts: readonly string[]): Node[] {
  return parts.map((part, i) =>
    i % 2 === 0
      ? document.createTextNode(part)
      : el("span", { class: "ctl", text: part, title: "control character" }),
  );
}

/** Replaces a node's content with untrusted text (see textNodes). */
export function setText(node: Node, parts: readonly string[]): void {
  clear(node);
  for (const child of textNodes(parts)) node.appendChild(child);
}
