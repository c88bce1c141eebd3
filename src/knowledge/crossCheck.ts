import { isValidZone } from '../hours/openingHours';
import { features } from '../nlu/features';
import { words } from '../nlu/normalise';
import { requiredResponseIds } from '../replies/responseIds';
import type { DataProblem } from './dataError';
import type { KnowledgeSources } from './knowledge';
import { intentNames } from './schema';

export interface CheckResult {
  errors: DataProblem[];
  warnings: DataProblem[];
}

// Fewer examples than this and the classifier cannot learn an intent.
const MIN_EXAMPLES = 10;
const FICTIONAL_PHONE = /^\+1 555-01\d\d$/;

/**
 * Checks the data files against each other, like `rasa data validate`: every reference points
 * somewhere, nothing is defined twice, and every article and response is used.
 */
export function crossCheck(s: KnowledgeSources): CheckResult {
  const errors: DataProblem[] = [];
  const warnings: DataProblem[] = [];
  const err = (file: string, line: number | undefined, message: string) => errors.push({ file, line, message });
  const warn = (file: string, line: number | undefined, message: string) => warnings.push({ file, line, message });
  // Phrases matched word for word (`heard`, `tried`): each needs words, and may mean one thing only.
  const phraseOwners = (file: string, relation: string) => {
    const owners = new Map<string, string>();
    return (phrase: string, owner: string, line: number | undefined) => {
      const key = words(phrase).join(' ');
      const other = owners.get(key);
      if (!key) err(file, line, `"${phrase}" has no words to hear`);
      else if (other && other !== owner) err(file, line, `"${phrase}" is ${relation} both "${other}" and "${owner}"`);
      owners.set(key, owner);
    };
  };

  // Catalogue
  const cat = s.catalogue;
  const productIds = new Set(cat.data.products.map((p) => p.id));
  const brandIds = new Set(cat.data.brands.map((b) => b.id));
  const aliasOwner = new Map<string, string>();
  const ownAlias = (alias: string, owner: string, path: (string | number)[]) => {
    const key = words(alias).join(' ');
    const prev = aliasOwner.get(key);
    if (prev && prev !== owner) err(cat.file, cat.lineOf(path), `alias "${alias}" is used by both ${prev} and ${owner}`);
    aliasOwner.set(key, owner);
  };
  duplicates(cat.data.products.map((p) => p.id)).forEach((id) => err(cat.file, undefined, `product id "${id}" is defined twice`));
  duplicates(cat.data.brands.map((b) => b.id)).forEach((id) => err(cat.file, undefined, `brand id "${id}" is defined twice`));
  cat.data.products.forEach((p, i) => p.aliases.forEach((a, j) => ownAlias(a, `product ${p.id}`, ['products', i, 'aliases', j])));
  cat.data.brands.forEach((b, i) => {
    if (!productIds.has(b.product)) err(cat.file, cat.lineOf(['brands', i, 'product']), `brand ${b.id} names unknown product "${b.product}"`);
    b.aliases.forEach((a, j) => ownAlias(a, `brand ${b.id}`, ['brands', i, 'aliases', j]));
  });
  cat.data.unsupportedDevices.forEach((a, i) => ownAlias(a, 'the unsupported devices', ['unsupportedDevices', i]));
  const { names, notDevices } = cat.data.companionDevices;
  names.forEach((a, i) => ownAlias(a, 'the companion devices', ['companionDevices', 'names', i]));
  const companionWords = new Set(names.flatMap((n) => words(n)));
  notDevices.forEach((phrase, i) => {
    if (!words(phrase).some((w) => companionWords.has(w))) err(cat.file, cat.lineOf(['companionDevices', 'notDevices', i]), `"${phrase}" holds no companion device name`);
  });

  // Articles
  const articleIds = new Map<string, (typeof s.articles)[number]>();
  for (const a of s.articles) {
    if (articleIds.has(a.data.id)) err(a.file, a.lineOf(['id']), `article id "${a.data.id}" is also used by ${articleIds.get(a.data.id)!.file}`);
    articleIds.set(a.data.id, a);
    if (!productIds.has(a.data.product)) err(a.file, a.lineOf(['product']), `unknown product "${a.data.product}"`);
    if (!a.file.endsWith(`/${a.data.id}.yaml`)) warn(a.file, a.lineOf(['id']), `file name should be ${a.data.id}.yaml`);
    if (a.data.kind === 'fix' && a.data.steps.length === 0) err(a.file, a.lineOf(['steps']), 'a fix article needs steps');
  }
  for (const p of productIds) {
    for (const topic of ['warranty', 'repair', 'contact', 'prevention'] as const) {
      if (!s.articles.some((a) => a.data.product === p && a.data.topic === topic)) err('knowledge/articles', undefined, `product "${p}" has no ${topic} article`);
    }
  }

  // Intents
  const phraseOwner = new Map<string, string>();
  const seenIntents = new Set<string>();
  // A device's name, as the classifier sees it (stemmed): "nas" reads as "na".
  const deviceNames = new Map<string, string>();
  [...cat.data.products, ...cat.data.brands].forEach((d) => d.aliases.forEach((a) => deviceNames.set(features(a).join(' '), a)));
  for (const f of s.intents) {
    if (seenIntents.has(f.data.intent)) err(f.file, f.lineOf(['intent']), `intent ${f.data.intent} has a second file`);
    seenIntents.add(f.data.intent);
    if (f.data.examples.length < MIN_EXAMPLES) err(f.file, f.lineOf(['examples']), `intent ${f.data.intent} has ${f.data.examples.length} examples; at least ${MIN_EXAMPLES} are needed`);
    f.data.examples.forEach((ex, i) => {
      const key = words(ex).join(' ') || ex.trim();
      const owner = phraseOwner.get(key);
      if (owner === f.data.intent) warn(f.file, f.lineOf(['examples', i]), `"${ex}" is listed twice`);
      else if (owner) err(f.file, f.lineOf(['examples', i]), `"${ex}" is also an example of ${owner}`);
      phraseOwner.set(key, f.data.intent);
      // The classifier takes a message that reads exactly as an example for that example's intent.
      const device = f.data.intent === 'troubleshoot' ? undefined : deviceNames.get(features(ex).join(' '));
      if (device) err(f.file, f.lineOf(['examples', i]), `"${ex}" reads as the device name "${device}", so a message naming only the device would be taken as ${f.data.intent}`);
    });
  }
  intentNames.filter((n) => !seenIntents.has(n)).forEach((n) => err('knowledge/nlu', undefined, `intent ${n} has no training file`));

  // Responses
  const responseIds = new Map<string, string>();
  for (const r of s.responses) {
    for (const id of Object.keys(r.data.responses)) {
      if (responseIds.has(id)) err(r.file, r.lineOf(['responses', id]), `response "${id}" is also defined in ${responseIds.get(id)}`);
      responseIds.set(id, r.file);
    }
  }
  const used = new Set(requiredResponseIds(cat.data.products.map((p) => p.id)));
  const needResponse = (id: string, file: string, line: number | undefined) => {
    used.add(id);
    if (!responseIds.has(id)) err(file, line, `response "${id}" is used but not defined in knowledge/responses`);
  };
  for (const id of used) if (!responseIds.has(id)) err('knowledge/responses', undefined, `response "${id}" is used by the bot but not defined`);

  const defaultCode = cat.data.defaultErrorCode;
  if (!s.flows.some((f) => f.data.errorCode === defaultCode)) {
    err(cat.file, cat.lineOf(['defaultErrorCode']), `no flow in dialogs/ is for the default error code ${defaultCode}`);
  }

  // Flows
  const answerIds = new Set(Object.keys(s.answers.data.answers));
  const flowKeys = new Set<string>();
  const fixArticlesInFlows = new Set<string>();
  for (const f of s.flows) {
    const flow = f.data;
    const key = `${flow.product}/${flow.errorCode}`;
    if (flowKeys.has(key)) err(f.file, f.lineOf(['errorCode']), `a second flow for ${flow.product} error ${flow.errorCode}`);
    flowKeys.add(key);
    if (!productIds.has(flow.product)) err(f.file, f.lineOf(['product']), `unknown product "${flow.product}"`);
    needResponse(flow.intro, f.file, f.lineOf(['intro']));
    const fixIds = new Set(flow.fixes.map((x) => x.id));
    duplicates(flow.fixes.map((x) => x.id)).forEach((id) => err(f.file, undefined, `fix id "${id}" is used twice`));
    duplicates(flow.diagnostics.map((x) => x.id)).forEach((id) => err(f.file, undefined, `diagnostic id "${id}" is used twice`));
    flow.fixes.forEach((fix, i) => {
      const article = articleIds.get(fix.article)?.data;
      if (!article) err(f.file, f.lineOf(['fixes', i, 'article']), `fix ${fix.id} points to unknown article "${fix.article}"`);
      else if (article.kind !== 'fix' || article.product !== flow.product) err(f.file, f.lineOf(['fixes', i, 'article']), `article ${fix.article} is not a ${flow.product} fix`);
      else if (fix.confirm && !article.warning) warn(f.file, f.lineOf(['fixes', i]), `fix ${fix.id} asks for confirmation but its article has no warning`);
      fixArticlesInFlows.add(fix.article);
      if (fix.confirm) needResponse(fix.confirm, f.file, f.lineOf(['fixes', i, 'confirm']));
      if (!(fix.id in flow.checklist)) warn(f.file, f.lineOf(['checklist']), `fix ${fix.id} has no checklist label for the case summary`);
    });
    const triedOf = phraseOwners(f.file, 'said of');
    flow.fixes.forEach((fix, i) => fix.tried.forEach((phrase, k) => triedOf(phrase, fix.id, f.lineOf(['fixes', i, 'tried', k]))));
    flow.fixes.forEach((fix, i) => {
      if (fix.pinned && !flow.fixOrder) warn(f.file, f.lineOf(['fixes', i, 'pinned']), `fix ${fix.id} is pinned but the flow has no fixOrder, so nothing moves anyway`);
    });
    if (flow.fixOrder && !flow.fixes.some((x) => x.pinned)) warn(f.file, f.lineOf(['fixOrder']), 'fixOrder with no pinned fix: even the cheapest, safest first step may move');
    Object.keys(flow.checklist).filter((id) => !fixIds.has(id)).forEach((id) => err(f.file, f.lineOf(['checklist', id]), `checklist names unknown fix "${id}"`));
    flow.diagnostics.forEach((d, i) => {
      needResponse(d.ask, f.file, f.lineOf(['diagnostics', i, 'ask']));
      const heardAs = phraseOwners(f.file, 'heard as');
      for (const [answer, effect] of Object.entries(d.answers)) {
        const at = f.lineOf(['diagnostics', i, 'answers', answer]);
        if (!answerIds.has(answer)) err(f.file, at, `answer "${answer}" is not defined in knowledge/answers.yaml`);
        [...effect.prioritise, ...effect.skip].filter((id) => !fixIds.has(id)).forEach((id) => err(f.file, at, `"${id}" is not a fix of this flow`));
        if (effect.say) needResponse(effect.say, f.file, at);
        effect.heard.forEach((phrase, k) => heardAs(phrase, answer, f.lineOf(['diagnostics', i, 'answers', answer, 'heard', k])));
      }
    });
  }
  for (const a of s.articles) {
    if (a.data.kind === 'fix' && !fixArticlesInFlows.has(a.data.id)) warn(a.file, a.lineOf(['id']), `fix article ${a.data.id} is in no flow (only search can reach it)`);
  }
  for (const [id, file] of responseIds) if (!used.has(id)) warn(file, undefined, `response "${id}" is never used`);

  // Contacts and warranty
  const c = s.contacts;
  c.data.manufacturers.forEach((m, i) => {
    if (!brandIds.has(m.brand)) err(c.file, c.lineOf(['manufacturers', i, 'brand']), `unknown brand "${m.brand}"`);
    if (!isValidZone(m.hours.timezone)) err(c.file, c.lineOf(['manufacturers', i, 'hours', 'timezone']), `unknown time zone "${m.hours.timezone}"`);
    if (m.example && m.phone && !FICTIONAL_PHONE.test(m.phone)) err(c.file, c.lineOf(['manufacturers', i, 'phone']), 'example entries use fictional +1 555-01xx numbers');
  });
  c.data.repairCentres.forEach((r, i) => {
    r.brands.filter((b) => !brandIds.has(b)).forEach((b) => err(c.file, c.lineOf(['repairCentres', i, 'brands']), `unknown brand "${b}"`));
    if (!isValidZone(r.hours.timezone)) err(c.file, c.lineOf(['repairCentres', i, 'hours', 'timezone']), `unknown time zone "${r.hours.timezone}"`);
    if (r.example && r.phone && !FICTIONAL_PHONE.test(r.phone)) err(c.file, c.lineOf(['repairCentres', i, 'phone']), 'example entries use fictional +1 555-01xx numbers');
  });
  for (const b of brandIds) if (!c.data.manufacturers.some((m) => m.brand === b)) warn(c.file, undefined, `brand ${b} has no manufacturer contact`);
  const h = s.helpdesk;
  h?.data.contacts.forEach((x, i) => {
    if (!isValidZone(x.hours.timezone)) err(h.file, h.lineOf(['contacts', i, 'hours', 'timezone']), `unknown time zone "${x.hours.timezone}"`);
    if (x.example && x.phone && !FICTIONAL_PHONE.test(x.phone)) err(h.file, h.lineOf(['contacts', i, 'phone']), 'example entries use fictional +1 555-01xx numbers');
  });
  const w = s.warranty;
  Object.keys(w.data.products).filter((p) => !productIds.has(p)).forEach((p) => err(w.file, w.lineOf(['products', p]), `unknown product "${p}"`));
  Object.keys(w.data.brands).filter((b) => !brandIds.has(b)).forEach((b) => err(w.file, w.lineOf(['brands', b]), `unknown brand "${b}"`));

  return { errors, warnings };
}

function duplicates(ids: string[]): string[] {
  return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
}
