/**
 * Loads the @ngrok/ngrok SDK only when the ngrok provider is chosen. A bundler cannot inline
 * its native binding, so the build copies the SDK's loader and one `.node` file per platform
 * into dist/ngrok/ (scripts/vendor-ngrok.mjs); the action loads it from beside its bundle.
 * From source (tests, npm run dev) the installed package is used instead.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { StartError } from "../errors.js";

/** The part of the SDK this project uses: ngrok.forward() and the listener it returns. */
export interface NgrokListener {
  url(): string | null;
  close(): Promise<void>;
}

export interface NgrokForwardConfig {
  readonly addr: string;
  readonly authtoken: string;
  readonly domain?: string;
  readonly traffic_policy?: string;
  readonly session_metadata?: string;
  /** "closed" when the session to ngrok's edge is lost, "connected" when it is back. */
  readonly onStatusChange?: (status: string) => void;
  readonly onLogEvent?: (line: string) => void;
}

export interface NgrokModule {
  forward(config: NgrokForwardConfig): Promise<NgrokListener>;
}

/** Directory dist/ngrok when running from the CommonJS bundle in dist/. */
export function vendoredNgrokDir(): string | undefined {
  // __dirname exists only in the CommonJS bundle; from ESM source there is no vendored copy.
  return typeof __dirname === "string" ? path.join(__dirname, "ngrok") : undefined;
}

// A variable, so the bundler leaves this import alone instead of failing on the .node file.
const SDK_PACKAGE = "@ngrok/ngrok";

export async function loadNgrok(vendorDir: string | undefined = vendoredNgrokDir()): Promise<NgrokModule> {
  const where =
    vendorDir !== undefined && existsSync(path.join(vendorDir, "index.js")) ? vendorDir : undefined;
  try {
    const loaded: unknown =
      where !== undefined
        ? createRequire(path.join(where, "index.js"))(path.join(where, "index.js"))
        : await import(SDK_PACKAGE);
    const sdk = (loaded as { default?: unknown }).default ?? loaded;
    if (typeof (sdk as NgrokModule).forward !== "function") throw new Error("it has no forward()");
    return sdk as NgrokModule;
  } catch (error) {
    throw new StartError(
      `The ngrok SDK for ${process.platform}/${process.arch} could not be loaded from ${where ?? SDK_PACKAGE} (${(error as Error).message}). This build ships it for Linux x64/arm64 (glibc), macOS and Windows x64; elsewhere use provider: cloudflared or ssh.`,
    );
  }
}
