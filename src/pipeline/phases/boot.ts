/**
 * The setup, boot and ready phases: the services (one, for the single-service inputs) start
 * knowing the public URL and each other's local URLs, in dependency order: level by level,
 * the services of a level in parallel, each set up, started and waited for; the first failure
 * stops the level's others. The gate is then pointed at each. Adds the app; tears the services
 * down in reverse (a level's services in parallel): stop command, process tree, log. Once the
 * app is up, a service going down is news: logged with its last lines and reported.
 */

import { freePort, portInUse, type ServiceSettings, serviceUrlEnv, startOrder } from "../../app/index.js";
import { StartError } from "../../errors.js";
import type { GateRoute } from "../../gate/index.js";
import { StopPlan } from "../../session/stop-plan.js";
import { mergeEnv } from "../../util/env.js";
import type { RunContext } from "../context.js";
import type { BootedApp, Exposure } from "../reached.js";
import { ServiceDownError, ServiceRun } from "./service.js";

export { LOG_TAIL_LINES } from "./service.js";

/** Each service's port: the configured one (which must be free), or one the OS says is free. */
export async function chooseServicePorts(services: readonly ServiceSettings[]): Promise<Map<string, number>> {
  const ports = new Map<string, number>();
  for (const s of services) {
    if (s.port === undefined) continue;
    if (await portInUse(s.port)) {
      const what = services.length === 1 ? "the app" : `service "${s.name}"`;
      throw new StartError(
        `Port ${s.port} is already in use before ${what} started, so readiness would probe another process. Stop whatever listens there, or choose another "port".`,
      );
    }
    ports.set(s.name, s.port);
  }
  const taken = new Set(ports.values());
  for (const s of services) {
    if (ports.has(s.name)) continue;
    // The OS may hand out the same free port twice in a row: each service gets its own.
    let port = await freePort();
    while (taken.has(port)) port = await freePort();
    taken.add(port);
    ports.set(s.name, port);
  }
  return ports;
}

/** The gate's routes: each service with a path, at the port chosen for it. */
export function gateRoutes(
  services: readonly ServiceSettings[],
  ports: ReadonlyMap<string, number>,
): GateRoute[] {
  return services.flatMap((s) =>
    s.path === undefined
      ? []
      : [
          {
            name: s.name,
            prefix: s.path,
            stripPrefix: s.stripPrefix,
            host: "127.0.0.1",
            port: ports.get(s.name) as number,
          },
        ],
  );
}

/**
 * Boots the services on their ports with `appEnv` (the preview's public URL and, when on, the
 * identity provider's settings and the scenarios' public keys), then points the gate at them.
 */
export async function boot(
  ctx: RunContext,
  exposure: Exposure,
  ports: ReadonlyMap<string, number>,
  appEnv: Record<string, string>,
): Promise<BootedApp> {
  const services = ctx.settings.services;
  const alone = services.length === 1;
  const order = startOrder(services);
  // The config refuses cycles; this is the last guard.
  if ("cycle" in order)
    throw new StartError(`The services depend on each other in a cycle: ${order.cycle.join(" -> ")}.`);
  const gone = new AbortController();
  let down: ServiceDownError | undefined;
  const plan = new StopPlan(ctx.dir, ctx.settings.stopGraceMs);
  const runs = new Map<string, ServiceRun>();
  const levels: ServiceRun[][] = [];
  // Registered before anything starts, so whatever did start is stopped: last level first.
  ctx.teardown.add("services", async () => {
    for (const level of [...levels].reverse()) await Promise.all(level.map((s) => s.stop()));
  });

  const make = (settings: ServiceSettings, index: number) => {
    const port = ports.get(settings.name) as number;
    const urls: Record<string, string> = {};
    for (const other of services)
      if (other.name !== settings.name)
        urls[serviceUrlEnv(other.name)] = `http://127.0.0.1:${ports.get(other.name)}`;
    const env = mergeEnv(urls, appEnv, { PORT: String(port) }, settings.env) as Record<string, string>;
    return new ServiceRun(ctx, {
      settings,
      port,
      env,
      alone,
      first: index === 0,
      plan,
      gone: gone.signal,
      down: (error) => {
        if (down) return;
        down = error;
        gone.abort(error);
      },
    });
  };

  try {
    for (const names of order.levels) {
      if (gone.signal.aborted) throw gone.signal.reason;
      const level = names.map((name) => {
        const index = services.findIndex((s) => s.name === name);
        const run = make(services[index] as ServiceSettings, index);
        runs.set(name, run);
        return run;
      });
      levels.push(level);
      await bootLevel(ctx, level, alone);
    }
  } catch (error) {
    if (error instanceof ServiceDownError) {
      const run = runs.get(error.service);
      await run?.tail.flush();
      throw new StartError(
        `${error.what} before the preview was ready.${error.hint}\n${run?.describeTail() ?? ""}`,
      );
    }
    throw error;
  }

  const all = [...runs.values()];
  const app: BootedApp = {
    services: services.map((s) => runs.get(s.name) as ServiceRun),
    gone: gone.signal,
    down: () => down && `${down.what} while the preview was up.`,
    flush: async () => {
      await Promise.all(all.map((s) => s.tail.flush()));
    },
    describeTail: (service) => (runs.get(service ?? "") ?? (app.services[0] as ServiceRun)).describeTail(),
  };
  ctx.reached.app = app;
  for (const run of all) exposure.gate.setUpstreamHost(run.ready.host ?? "127.0.0.1", run.name);
  reportDown(ctx, app);
  return app;
}

/** A level: setups (in a group of their own), then start and readiness, in parallel. */
async function bootLevel(ctx: RunContext, level: readonly ServiceRun[], alone: boolean): Promise<void> {
  const { logger } = ctx;
  const settingsOf = (run: ServiceRun) =>
    ctx.settings.services.find((s) => s.name === run.name) as ServiceSettings;
  const names = level.map((s) => s.name).join(", ");
  await Promise.all(level.map((s) => s.open()));
  const withSetup = level.filter((s) => settingsOf(s).setup !== undefined);
  if (withSetup.length > 0) {
    logger.startGroup(
      alone
        ? `Setup: ${settingsOf(level[0] as ServiceRun).setup}`
        : `Setup: ${withSetup.map((s) => s.name).join(", ")}`,
    );
    try {
      await together(withSetup, (s, signal) => s.setup(signal));
    } finally {
      logger.endGroup();
    }
  }
  logger.startGroup(alone ? `App: ${settingsOf(level[0] as ServiceRun).start}` : `Services: ${names}`);
  try {
    await together(level, (s) => s.launch());
    await together(level, (s, signal) => s.waitReady(signal));
  } finally {
    logger.endGroup();
  }
}

/**
 * Runs `work` for each service at once; the first failure aborts the others' (through the
 * signal) and is what is thrown, once all have settled (nothing is left half-started).
 */
async function together(
  level: readonly ServiceRun[],
  work: (run: ServiceRun, signal: AbortSignal) => Promise<unknown>,
): Promise<void> {
  const failed = new AbortController();
  let first: { readonly error: unknown } | undefined;
  await Promise.allSettled(
    level.map(async (run) => {
      try {
        await work(run, failed.signal);
      } catch (error) {
        first ??= { error };
        failed.abort(error);
      }
    }),
  );
  if (first) throw first.error;
}

/** Once the app is up, a service going down is logged with its last lines and reported. */
function reportDown(ctx: RunContext, app: BootedApp): void {
  app.gone.addEventListener(
    "abort",
    () => {
      if (ctx.teardown.started) return;
      const error = app.gone.reason as ServiceDownError;
      void (async () => {
        await app.flush();
        const message = app.down() ?? error.what;
        const tail = app.describeTail(error.service);
        ctx.logger.error(`${message}\n${tail}`);
        void ctx.deps.publisher?.failed(message);
        await ctx.deps.reporter.crashed?.(ctx.secrets.redact(`${message}\n${tail}`));
      })();
    },
    { once: true },
  );
}
