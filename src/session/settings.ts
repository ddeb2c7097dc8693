/**
 * What a run does once its preview is up and how long it lives: the test command, how long
 * the preview is held afterwards, whether it outlives the main step (background mode) and
 * whether a crash while it is held fails the job. Built by src/config from the inputs.
 */
export interface SessionSettings {
  /** Shell command run against the preview; its exit code is the run's result. */
  readonly test: string | undefined;
  /** How long to hold the preview after the tests, before teardown. */
  readonly keepAliveMs: number;
  /** Keep the preview up after the main step (background mode) even when there is a test. */
  readonly keepRunning: boolean;
  /** In background mode, fail the post step when the app crashed while the preview was up. */
  readonly failOnCrash: boolean;
}
