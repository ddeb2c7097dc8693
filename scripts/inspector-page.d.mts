// Types of inspector-page.mjs, for vitest.config.ts and the tests.
export const PAGE_MODULE: "virtual:inspector-page";
export function buildInspectorPage(): Promise<{ js: string; css: string; inputs: string[] }>;
export function inspectorPageEsbuildPlugin(): import("esbuild").Plugin;
export function inspectorPageVitePlugin(): import("vite").Plugin;
