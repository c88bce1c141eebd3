// Schemas for every data file under knowledge/ and dialogs/.
// The loader checks each file against these; cross-file checks live in crossCheck.ts.
import { z } from 'zod';

const id = z.string().regex(/^[a-z0-9][a-z0-9-_.]*$/, 'ids are lower-case letters, digits, - _ .');
const nonEmpty = z.string().trim().min(1);
const singleWord = z.string().regex(/^[\p{Ll}\p{N}']+$/u, 'one lower-case word, no spaces or punctuation');
const errorCode = z.string().regex(/^\d{3,5}$/, 'an error code is 3 to 5 digits, quoted');
const url = z.string().url();
const hhmm = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$/;

export const productSchema = z.strictObject({
  id,
  name: nonEmpty,
  // Words that name or imply the device ("galaxy watch" lives under brands).
  aliases: z.array(nonEmpty).min(1),
  statusPage: url.optional(),
});

export const brandSchema = z.strictObject({
  id,
  name: nonEmpty,
  product: id,
  aliases: z.array(nonEmpty).min(1),
  statusPage: url.optional(),
});

export const catalogueSchema = z.strictObject({
  // The code a troubleshooting flow is for when the person names none.
  defaultErrorCode: errorCode,
  products: z.array(productSchema).min(1),
  brands: z.array(brandSchema),
  // Devices the bot does not support: a message naming one and no supported product is out of scope.
  unsupportedDevices: z.array(nonEmpty).default([]),
  // Devices people use with the supported ones: in scope as the other end of a problem ("won't sync
  // with my phone"), out of scope as the thing that is broken ("my laptop won't charge").
  companionDevices: z.strictObject({
    names: z.array(nonEmpty),
    // Phrases holding a companion's name that do not mean the device ("phone number", "phone lines").
    notDevices: z.array(nonEmpty).default([]),
    // Words that make a companion named after them the other end ("w my phone"), and the words that
    // may stand between the two ("to my work laptop"); single lower-case words, as messages are read.
    linkWords: z.array(singleWord).default([]),
    linkFillers: z.array(singleWord).default([]),
  }).default({ names: [], notDevices: [], linkWords: [], linkFillers: [] }),
});

export const articleSchema = z.strictObject({
  id,
  product: id,
  errorCodes: z.array(errorCode),
  // cause: why it happens; fix: something to do; info: warranty, repair, contact, prevention, about.
  kind: z.enum(['cause', 'fix', 'info']),
  topic: z.enum(['troubleshooting', 'warranty', 'repair', 'contact', 'prevention', 'about', 'status']),
  title: nonEmpty,
  summary: nonEmpty,
  keywords: z.array(nonEmpty).min(1),
  symptoms: z.array(nonEmpty).default([]),
  // How customers ask for this article, in their own words: read by the search only, never shown.
  askedAs: z.array(nonEmpty).default([]),
  steps: z.array(nonEmpty).default([]),
  warning: nonEmpty.optional(),
  link: url.optional(),
});

export const intentNames = [
  'troubleshoot', 'warranty', 'repair', 'contact_support', 'prevention', 'service_status',
  'affirm', 'deny', 'greeting', 'thanks', 'help', 'cancel', 'out_of_scope',
] as const;
export type IntentName = (typeof intentNames)[number];

export const intentFileSchema = z.strictObject({
  intent: z.enum(intentNames),
  examples: z.array(nonEmpty).min(1),
});

// The bot's wording by id. A list gives variants; the first is used unless the caller rotates.
export const responsesSchema = z.strictObject({
  responses: z.record(id, z.union([nonEmpty, z.array(nonEmpty).min(1)])),
});

// Commands recognised before any classifying, by whole phrase (e.g. "forget me"): id → phrases.
export const commandsSchema = z.strictObject({
  commands: z.partialRecord(z.enum(['forget_me']), z.array(nonEmpty).min(1)),
});
export type CommandId = keyof z.infer<typeof commandsSchema>['commands'];

// Answers a person can give to a flow question, with the words that mean them.
export const answerSchema = z.strictObject({
  label: nonEmpty,
  synonyms: z.array(nonEmpty).min(1),
});
export const answersSchema = z.strictObject({
  answers: z.record(id, answerSchema),
  negations: z.array(nonEmpty).min(1),
  acknowledgements: z.array(nonEmpty).default([]),
  step_done: z.array(nonEmpty).default([]),
});

// How how-to questions start.
export const questionsSchema = z.strictObject({
  how_to_openings: z.array(nonEmpty).min(1),
  follow_up_openings: z.array(nonEmpty).default([]),
});

const weekdayKey = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
export const hoursSchema = z.strictObject({
  timezone: nonEmpty,
  // e.g. { mon: "08:00-20:00" }; a missing day is closed.
  week: z.partialRecord(weekdayKey, z.string().regex(hhmm, 'hours look like 08:00-20:00')),
});

export const manufacturerSchema = z.strictObject({
  brand: id,
  name: nonEmpty,
  example: z.literal(true).optional(),
  phone: nonEmpty.optional(),
  chat: url.optional(),
  email: z.string().email().optional(),
  locator: url.optional(),
  supportSite: url.optional(),
  hours: hoursSchema,
});

export const repairCentreSchema = z.strictObject({
  id,
  name: nonEmpty,
  example: z.literal(true).optional(),
  brands: z.array(id).min(1),
  regions: z.array(nonEmpty).min(1),
  authorised: z.boolean(),
  phone: nonEmpty.optional(),
  email: z.string().email().optional(),
  address: nonEmpty.optional(),
  website: url.optional(),
  hours: hoursSchema,
});

export const contactsSchema = z.strictObject({
  manufacturers: z.array(manufacturerSchema).min(1),
  repairCentres: z.array(repairCentreSchema),
  questionsForRepairShop: z.array(nonEmpty).min(1),
});

const webUrl = url.regex(/^https?:\/\//i, 'links start with http:// or https://');

// The internal IT helpdesk a company's Teams users are pointed to instead of consumer contacts.
export const helpdeskContactSchema = z.strictObject({
  name: nonEmpty,
  example: z.literal(true).optional(),
  note: nonEmpty.optional(),
  phone: nonEmpty.optional(),
  email: z.string().email().optional(),
  portal: webUrl.optional(),
  chat: webUrl.optional(),
  hours: hoursSchema,
});

export const helpdeskSchema = z.strictObject({
  contacts: z.array(helpdeskContactSchema).min(1),
});

export const warrantySchema = z.strictObject({
  defaultMonths: z.number().int().positive(),
  products: z.record(id, z.number().int().positive()).default({}),
  brands: z.record(id, z.number().int().positive()).default({}),
  covered: z.array(nonEmpty).min(1),
  notCovered: z.array(nonEmpty).min(1),
  bring: z.array(nonEmpty).min(1),
});

const answerEffect = z.strictObject({
  prioritise: z.array(id).default([]),
  skip: z.array(id).default([]),
  say: id.optional(),
  // Phrases that give this answer when the message that starts the flow holds them ("won't turn on"),
  // so the question is not asked.
  heard: z.array(nonEmpty).default([]),
});

export const diagnosticSchema = z.strictObject({
  id,
  ask: id,
  // Keyed by answer id from answers.yaml (usually yes / no); unlisted answers change nothing.
  answers: z.record(id, answerEffect).default({}),
});

export const fixStepSchema = z.strictObject({
  id,
  article: id,
  // A step that loses data asks for explicit confirmation (response id) after its warning.
  confirm: id.optional(),
  skipDuringOutage: z.boolean().default(false),
  // With the flow's fixOrder: keeps its place whatever the numbers say (cheap, safe first steps).
  pinned: z.boolean().optional(),
  // Phrases that say this fix was already done ("restarted it"), when the message that starts the
  // flow holds them, so it is not offered again.
  tried: z.array(nonEmpty).default([]),
});

// Lets measured success rates (fixed / tried, from the turn events) reorder a flow's fixes.
const fixOrderSchema = z.strictObject({
  by: z.literal('success_rate'),
  // A fix tried fewer times than this keeps its place.
  minAttempts: z.number().int().positive().default(20),
});

export const flowSchema = z.strictObject({
  id,
  version: z.number().int().positive(),
  product: id,
  errorCode,
  title: nonEmpty,
  intro: id,
  statusCheck: z.boolean().default(false),
  diagnostics: z.array(diagnosticSchema).default([]),
  fixes: z.array(fixStepSchema).min(1),
  fixOrder: fixOrderSchema.optional(),
  // Items of the do-it-yourself checklist shown in the case summary, by fix id.
  checklist: z.record(id, nonEmpty).default({}),
});

export type Product = z.infer<typeof productSchema>;
export type Brand = z.infer<typeof brandSchema>;
export type Catalogue = z.infer<typeof catalogueSchema>;
export type Article = z.infer<typeof articleSchema>;
export type IntentFile = z.infer<typeof intentFileSchema>;
export type Answer = z.infer<typeof answerSchema>;
export type Hours = z.infer<typeof hoursSchema>;
export type Manufacturer = z.infer<typeof manufacturerSchema>;
export type RepairCentre = z.infer<typeof repairCentreSchema>;
export type Contacts = z.infer<typeof contactsSchema>;
export type HelpdeskContact = z.infer<typeof helpdeskContactSchema>;
export type Helpdesk = z.infer<typeof helpdeskSchema>;
export type WarrantyTerms = z.infer<typeof warrantySchema>;
export type Diagnostic = z.infer<typeof diagnosticSchema>;
export type FixStep = z.infer<typeof fixStepSchema>;
export type Flow = z.infer<typeof flowSchema>;
