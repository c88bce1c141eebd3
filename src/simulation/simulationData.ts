import { z } from 'zod';
import { readYamlFile } from '../knowledge/readYamlFile';

export const SIMULATION_FILE = 'test/data/simulation.yaml';

const share = z.number().min(0).max(1);
const phrases = z.array(z.string().trim().min(1)).min(1);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time looks like 14:20');

const personaSchema = z.strictObject({
  product: z.string(),
  weight: z.number().positive(),
  openings: phrases,
  vague: phrases,
  device: phrases,
});

/** Who comes on a simulated day and how they behave (see test/data/simulation.yaml). */
export const simulationSchema = z.strictObject({
  customers: z.number().int().positive(),
  timezone: z.string(),
  hours: z.array(z.number().min(0)).length(24),
  channels: z.record(z.string(), z.number().positive()),
  pause: z.strictObject({ min: z.number().positive(), max: z.number().positive() }),
  outage: z.strictObject({ from: hhmm, to: hhmm }).optional(),
  chances: z.strictObject({
    vague: share,
    greetingFirst: share,
    offTopic: share,
    offTopicOpening: share,
    askPerson: share,
    abandon: share,
    typed: share,
    smsNumber: share,
    skip: share,
    already: share,
    resetGoAhead: share,
    handoffConsent: share,
    thanks: share,
  }),
  personas: z.array(personaSchema).min(1),
  greetings: phrases,
  offTopic: phrases,
  askPerson: phrases,
  thanks: phrases,
  purchase: phrases,
  answers: z.record(z.string(), phrases),
  /** Per diagnostic id: the chance of each answer id. */
  diagnostics: z.record(z.string(), z.record(z.string(), share)),
  /** Per flow, per fix: the chance it works when tried. */
  fixes: z.record(z.string(), z.record(z.string(), share)),
});

export type Simulation = z.infer<typeof simulationSchema>;
export type Persona = z.infer<typeof personaSchema>;

export function loadSimulation(root: string, file = SIMULATION_FILE): Simulation {
  return readYamlFile(`${root}/${file}`, simulationSchema, root).data;
}
