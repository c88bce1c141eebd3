import type { Activity } from 'botbuilder';
import { FixStats } from '../analytics/fixStats';
import { createApp } from '../app';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { Reply } from '../replies/reply';
import type { CloudStatusChecker } from '../status/cloudStatus';
import type { Stores } from '../storage/stores';
import { outageAt, type DayDeps, type SimulatedClock } from './simulatedDay';
import type { Simulation } from './simulationData';

/**
 * The real app (core, dialogs, CloudAdapter with its middleware, the configured storage and event log)
 * on a simulated clock, with nothing leaving the machine: the cloud status is the simulation's own
 * outage window, no helpdesk webhook is called, and replies come back in the turn (expectReplies)
 * instead of being posted to a channel.
 */
export function simulationApp(config: Config, logger: Logger, stores: Stores, sim: Simulation, clock: SimulatedClock): DayDeps {
  const replies: Reply[] = [];
  const status: CloudStatusChecker = { check: async () => (outageAt(sim, clock.now()) ? 'outage' : 'unknown') };
  const app = createApp(offline(config), logger, {
    stores,
    observer: (_channel, said) => replies.push(...said),
    core: {
      now: clock.now,
      statusChecker: status,
      // Measured on the simulated clock, so later customers of the day meet the data-driven order.
      fixRates: new FixStats(stores.events, { clock: () => clock.now().toMillis(), onError: (err) => logger.warn({ err }, 'fix stats read failed') }),
    },
  });
  return {
    deliver: (activity) => app.adapter.processActivityDirect('', activity as Activity, (ctx) => app.bot.run(ctx)),
    takeReplies: () => replies.splice(0),
    clock,
    knowledge: app.core.knowledge,
  };
}

/** The settings with every way out of the machine turned off, and local mode (no Bot Framework tokens). */
function offline(config: Config): Config {
  return {
    ...config,
    localMode: true,
    auth: { ...config.auth, MicrosoftAppId: '', MicrosoftAppPassword: '' },
    cloudStatus: { ...config.cloudStatus, url: undefined },
    handoff: { ...config.handoff, webhook: undefined },
  };
}
