/**
 * Entry of dist/artifact/index.js (scripts/build.mjs): @actions/artifact's client in a bundle of
 * its own, so the main bundle loads it only when a status artifact is uploaded. From source,
 * upload.ts imports the package itself.
 */
import client from "@actions/artifact";

export default client;
