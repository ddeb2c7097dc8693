/**
 * Loads the @ngrok/ngrok SDK only when the ngrok provider is chosen. A bundler cannot inline
 * its native binding, so the build copies the SDK's loader and one `.node` file per platform
 * into dist/ngrok/ (scripts/vendor-ngrok.mjs); the action loads it from beside its bundle.
 * From source (tests, npm run dev) the installed package is used instead.
 */
import { StartError } from "../errors.js";
import { loadVendored, vendoredDir } from "../util/vendored.js";

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

/** Directory dist/ngrok when running from the bundle in dist/. */
export function vendoredNgrokDir(): string | undefined {
  return vendoredDir("ngrok");
}

// A variable, so the bundler leaves this import alone instead of failing on the .node file.
const SDK_PACKAGE = "@ngrok/ngrok";

export async function loadNgrok(vendorDir: string | undefined = vendoredNgrokDir()): Promise<NgrokModule> {
  let from = vendorDir ?? SDK_PACKAGE;
  try {
    const loaded = await loadVendored(vendorDir, SDK_PACKAGE);
    from = loaded.from;
    const sdk = loaded.module;
    if (typeof (sdk as NgrokModule).forward !== "function") throw new Error("it has no forward()");
    return sdk as NgrokModule;
  } catch (error) {
    throw new StartError(
      `The ngrok SDK for ${process.platform}/${process.arch} could not be loaded from ${from} (${(error as Error).message}). This build ships it for Linux x64/arm64 (glibc), macOS and Windows x64; elsewhere use provider: cloudflared or ssh.`,
    );
  }
}
