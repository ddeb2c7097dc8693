/**
 * Uploads the preview's status as artifacts for the relay workflow (fork side).
 *
 * - One upload at a time, in order; while one runs, only the newest status waits (a status is
 *   a whole snapshot, so the ones in between need not be sent).
 * - Each upload is a new artifact, `...-<sequence>`: artifact names are immutable within a run
 *   (a second CreateArtifact under a name answers 409). Delete + re-create would also work (the
 *   service allows it, as upload-artifact's `overwrite` does), but leaves a moment with no status
 *   at all and races a relay that is downloading it; a new name each time does neither, and the
 *   relay simply reads the highest sequence.
 * - Never throws into the pipeline: failures are warnings. `flush()` bounds the wait at teardown.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { errorMessage } from "../errors.js";
import type { Logger } from "../util/logger.js";
import { formatDuration } from "../util/time.js";
import { loadVendored, vendoredDir } from "../util/vendored.js";
import { quietly } from "./library-output.js";
import { ARTIFACT_RUNTIME_ENV } from "./settings.js";
import {
  type RelayStatus,
  SEQUENCE_MAX,
  STATUS_FILE,
  STATUS_SCHEMA_VERSION,
  type StatusReport,
  serializeStatus,
  statusArtifactName,
  statusSequenceOf,
} from "./status.js";

/** Where status artifacts go: the workflow run's artifact storage, or a fake in tests. */
export interface StatusArtifactStore {
  /** Uploads `json` as the one file (status.json) of a new artifact `name`. Rejects on failure. */
  upload(name: string, json: string): Promise<void>;
  /** Names of the artifacts the run already has (to continue numbering after a restart). */
  names(): Promise<readonly string[]>;
}

export interface StatusUploaderOptions {
  /** Called once, at the first upload: loading the artifact client is deferred until needed. */
  readonly store: () => Promise<StatusArtifactStore>;
  /** The comment key: one series of statuses per preview of the job. */
  readonly key: string;
  /** GITHUB_RUN_ATTEMPT. */
  readonly attempt: number;
  readonly logger: Logger;
}

export class StatusUploader {
  private pending: StatusReport | undefined;
  private draining: Promise<void> | undefined;
  private sequence: number | undefined;
  private store: Promise<StatusArtifactStore> | undefined;
  private gaveUp = false;

  constructor(private readonly options: StatusUploaderOptions) {}

  /** The highest sequence uploaded so far (0 before the first). */
  get lastSequence(): number {
    return this.sequence ?? 0;
  }

  /** Queues `report`, replacing any status still waiting; returns at once. */
  submit(report: StatusReport): void {
    if (this.gaveUp) return;
    this.pending = report;
    this.kick();
  }

  private kick(): void {
    if (this.draining) return;
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
      // Submitted between the loop's last look and here.
      if (this.pending && !this.gaveUp) this.kick();
    });
  }

  /**
   * Waits until everything submitted is uploaded, at most `timeoutMs`. Resolves true when it
   * all went out (or failed with a warning), false on the deadline; never rejects.
   */
  async flush(timeoutMs: number): Promise<boolean> {
    let draining = this.draining;
    if (!draining) return true;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
      timer.unref?.();
    });
    let done = true;
    while (draining !== undefined && done) {
      done = await Promise.race([draining.then(() => true as const), deadline]);
      draining = this.draining;
    }
    clearTimeout(timer);
    if (!done) {
      this.options.logger.warning(
        `The preview's last status did not reach the relay workflow within ${formatDuration(timeoutMs)}; the relay marks the preview stopped when the run completes.`,
      );
    }
    return done;
  }

  private async drain(): Promise<void> {
    for (let report = this.take(); report; report = this.take()) {
      try {
        await this.uploadOne(report);
      } catch (error) {
        // uploadOne handles what it expects; this is the guard against a bug ending the run.
        this.options.logger.warning(`Uploading the preview's status failed: ${errorMessage(error)}`);
      }
    }
  }

  private take(): StatusReport | undefined {
    const report = this.pending;
    this.pending = undefined;
    return report;
  }

  private async uploadOne(report: StatusReport): Promise<void> {
    const { logger, key, attempt } = this.options;
    let store: StatusArtifactStore;
    try {
      this.store ??= this.options.store();
      store = await this.store;
    } catch (error) {
      this.gaveUp = true;
      logger.warning(
        `Cannot upload the preview's status for the relay workflow: ${errorMessage(error)}. The relay will not show this preview.`,
      );
      return;
    }
    if (this.sequence === undefined) {
      // Continue after statuses an earlier process of this job uploaded (the post step after a
      // killed main step). If the list fails, a name already taken is found by its 409 below.
      this.sequence = await this.existingSequence(store).catch((error: unknown) => {
        logger.debug(`Could not list the run's artifacts: ${errorMessage(error)}`);
        return 0;
      });
    }
    // Two tries: a 409 means another process of this job (the post step after a killed main
    // step) took the name; the list then says where to continue.
    for (let tries = 0; tries < 2; tries++) {
      if (this.sequence >= SEQUENCE_MAX) {
        this.gaveUp = true;
        logger.warning(
          `The preview uploaded ${SEQUENCE_MAX} statuses; later ones are not sent to the relay.`,
        );
        return;
      }
      const sequence = this.sequence + 1;
      const status: RelayStatus = { ...report, schema: STATUS_SCHEMA_VERSION, sequence };
      let json: string;
      try {
        json = serializeStatus(status);
      } catch (error) {
        logger.warning(`The preview's status was not uploaded (it is not valid: ${errorMessage(error)}).`);
        return;
      }
      const name = statusArtifactName(key, attempt, sequence);
      try {
        await store.upload(name, json);
        this.sequence = sequence;
        logger.debug(`Uploaded the preview's status "${report.status}" as artifact ${name}.`);
        return;
      } catch (error) {
        const conflict = /\b409\b|already exists/i.test(errorMessage(error));
        if (conflict && tries === 0) {
          this.sequence = Math.max(sequence, await this.existingSequence(store).catch(() => sequence));
          continue;
        }
        logger.warning(
          `Could not upload the preview's status for the relay workflow (artifact ${name}): ${errorMessage(error)}`,
        );
        // The name may be taken even though the upload failed (created, not finalized).
        this.sequence = sequence;
        return;
      }
    }
  }

  private async existingSequence(store: StatusArtifactStore): Promise<number> {
    const { key, attempt } = this.options;
    let highest = 0;
    for (const name of await store.names()) {
      highest = Math.max(highest, statusSequenceOf(name, key, attempt) ?? 0);
    }
    return highest;
  }
}

/** The part of @actions/artifact's client used here. */
interface ArtifactClient {
  uploadArtifact(
    name: string,
    files: string[],
    rootDirectory: string,
    options?: { retentionDays?: number },
  ): Promise<{ id?: number }>;
  listArtifacts(options?: { latest?: boolean }): Promise<{ artifacts: { name: string }[] }>;
}

// A variable, so the bundler leaves the import alone: @actions/artifact (with the Azure blob
// client, archiver and protobuf runtime) is built into dist/artifact/ and loaded only when a
// status is uploaded.
const ARTIFACT_PACKAGE = "@actions/artifact";

export interface ArtifactStoreOptions {
  /** Where the status file is written before upload (RUNNER_TEMP). */
  readonly tempDir: string;
  /** Days GitHub keeps the artifacts; a status is useless once the run is over. Default 1. */
  readonly retentionDays?: number;
  /** Checked for the runner's artifact variables; @actions/artifact reads process.env itself. */
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * The run's artifact storage through @actions/artifact (the upload-artifact v4 service). It
 * needs ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL, which the runner gives every JS action.
 */
export async function loadArtifactStore(options: ArtifactStoreOptions): Promise<StatusArtifactStore> {
  const env = options.env ?? process.env;
  const missing = ARTIFACT_RUNTIME_ENV.filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new Error(
      `${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} not set (the runner sets them for every JavaScript action step)`,
    );
  }
  const { module, from } = await loadVendored(vendoredDir("artifact"), ARTIFACT_PACKAGE);
  const client = module as ArtifactClient;
  if (typeof client.uploadArtifact !== "function" || typeof client.listArtifacts !== "function") {
    throw new Error(`${from} has no artifact client`);
  }
  const retentionDays = options.retentionDays ?? 1;
  return {
    async upload(name, json) {
      const dir = mkdtempSync(path.join(options.tempDir, "preview-tunnel-status-"));
      try {
        const file = path.join(dir, STATUS_FILE);
        writeFileSync(file, json, { mode: 0o600 });
        await quietly(() => client.uploadArtifact(name, [file], dir, { retentionDays }));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    async names() {
      const { artifacts } = await quietly(() => client.listArtifacts());
      return artifacts.map((a) => a.name);
    },
  };
}
