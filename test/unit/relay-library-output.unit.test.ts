/** What @actions/artifact prints during an upload: debug lines only, signed URLs cut short. */
import { afterEach, describe, expect, it, vi } from "vitest";
import { asDebugLines, quietly } from "../../src/relay/library-output.js";

const SIGNED =
  "http://127.0.0.1:4000/devstoreaccount1/actions-results/a/b.zip?sv=2025-01-05&se=2026-05-01T13%3A00%3A00Z&sr=b&sp=w&sig=c2VjcmV0";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("asDebugLines", () => {
  it("turns info, warning and debug lines into debug lines without any URL's query", () => {
    const text = [
      "Artifact name is valid!",
      `::debug::Body: {%0A  "ok": true,%0A  "signed_upload_url": "${SIGNED}"%0A}`,
      "::warning file=x.ts::No data was uploaded",
      "::add-mask::c2VjcmV0",
      "",
    ].join("\n");
    expect(asDebugLines(text)).toBe(
      [
        "::debug::Artifact name is valid!",
        '::debug::Body: {%0A  "ok": true,%0A  "signed_upload_url": "http://127.0.0.1:4000/devstoreaccount1/actions-results/a/b.zip?(redacted)"%0A}',
        "::debug::No data was uploaded",
        "::add-mask::c2VjcmV0",
        "",
      ].join("\n"),
    );
  });
});

describe("quietly", () => {
  it("changes only what is written from inside the library's call, not the run's own lines meanwhile", async () => {
    const written: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    let step!: () => void;
    const stepped = new Promise<void>((resolve) => {
      step = resolve;
    });
    const call = quietly(async () => {
      process.stdout.write("Beginning upload of artifact content to blob storage\n");
      await stepped;
      process.stdout.write(`::debug::signed_upload_url ${SIGNED}\n`);
    });
    // The pipeline, at the same time, in its own async context.
    process.stdout.write("Preview: https://abc.trycloudflare.com/?x=1\n");
    step();
    await call;
    process.stdout.write("Finalizing artifact upload\n");
    expect(written).toEqual([
      "::debug::Beginning upload of artifact content to blob storage\n",
      "Preview: https://abc.trycloudflare.com/?x=1\n",
      "::debug::signed_upload_url http://127.0.0.1:4000/devstoreaccount1/actions-results/a/b.zip?(redacted)\n",
      "Finalizing artifact upload\n",
    ]);
  });
});
