/** The page's script and style, compiled by esbuild at build time (scripts/inspector-page.mjs). */
declare module "virtual:inspector-page" {
  export const js: string;
  export const css: string;
}
