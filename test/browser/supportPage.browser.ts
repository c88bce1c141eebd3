import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { startBot, type RunningBot } from '../directline/startBot';
import { ROOT } from '../helpers/testCore';

// The support page in a real browser: Debian's chromium (never a downloaded one) driven by
// playwright-core, against the whole app (restify, the local Direct Line endpoint, CloudAdapter, the
// bot). Run with `npm run test:browser`; CHROMIUM_PATH points at another chromium.

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const SCREENSHOTS = join(ROOT, 'reports', 'screenshots');
// Generous: the first reply includes loading Web Chat's 4 MB bundle, and polling adds up to a second a turn.
const REPLY = { timeout: 30_000 };

// The contacts knowledge/contacts.yaml lists for smartwatches (fictional example entries).
const REPAIR_CENTRE = { name: 'Springfield Wearables Service', phone: '+1 555-0140', tel: 'tel:+15550140', email: 'springfield-wearables@example.com' };
const MANUFACTURER = { name: 'Fitbit support', phone: '+1 555-0112' };

let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no chromium at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

/** A fresh browser context with what goes wrong in the page collected: CSP violations, console errors, uncaught errors. */
async function openPage(base: string): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-GB', timezoneId: 'Europe/London' });
  // The page talks to nobody but this server.
  await context.route((url) => !url.href.startsWith(base), (route) => route.abort());
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  return { context, page, problems };
}

/** Web Chat's transcript as the person sees it (not the screen-reader live region that repeats it). */
class Chat {
  constructor(readonly page: Page) {}

  get transcript(): Locator {
    return this.page.getByRole('feed');
  }

  /**
   * The latest message in the transcript holding `text`, once it is there. Each message is an
   * <article> (what is on screen) holding a second, visually hidden role="article" with its
   * screen-reader label; the <article> element is the one with the content and buttons.
   */
  async botSays(text: string | RegExp): Promise<Locator> {
    const message = this.transcript.locator('article').filter({ hasText: text }).last();
    await message.waitFor(REPLY);
    return message;
  }

  /** Taps one of the suggested actions under the latest question. */
  async tapSuggested(name: string): Promise<void> {
    const chip = this.page.getByRole('toolbar', { name: 'Suggested actions' }).getByRole('button', { name, exact: true });
    await chip.click(REPLY);
  }

  /** Taps an answer button on the card that holds `cardText`. */
  async tapCardButton(cardText: string | RegExp, name: string): Promise<void> {
    const card = await this.botSays(cardText);
    await card.getByRole('button', { name, exact: true }).click(REPLY);
  }

  /** Types into Web Chat's send box and sends with Enter. */
  async type(text: string): Promise<void> {
    const box = this.page.getByRole('textbox', { name: 'Message input box' });
    await box.fill(text);
    await box.press('Enter');
  }
}

describe('support page in chromium', () => {
  let bot: RunningBot;

  beforeAll(async () => {
    bot = await startBot();
  });

  afterAll(async () => {
    await bot?.close();
  });

  test('a smartwatch conversation from the starting button to the repair and warranty contacts', async () => {
    const { context, page, problems } = await openPage(bot.base);
    try {
      // The locale the browser reports goes to the bot on every message.
      const firstPost = page.waitForRequest((r) => r.method() === 'POST' && /\/directline\/conversations\/[^/]+\/activities$/.test(r.url()), REPLY);

      await page.goto(bot.base, { waitUntil: 'domcontentloaded' });
      const chat = new Chat(page);
      await expectVisible(page.getByRole('heading', { name: 'Kestrel Support Assistant' }));
      await chat.botSays(/support assistant for error 1002/);
      await expectVisible(page.getByText('Online', { exact: false }));
      const start = page.getByRole('button', { name: 'My watch shows error 1002' });
      await expectVisible(page.getByRole('button', { name: "My NAS can't reach the cloud" }));
      await expectEnabled(start);
      // Web Chat's own "Connecting…" notice goes once the conversation is up.
      await expectHidden(page.getByText('Connecting…', { exact: true }));
      await screenshot(page, 'support-start.png');

      // The starting button sends its message into the conversation, and the starters make way.
      await start.click();
      const posted = (await firstPost).postDataJSON() as { type: string; text: string; locale?: string };
      expect(posted).toMatchObject({ type: 'message', text: 'My watch shows error 1002', locale: 'en-GB' });
      await chat.botSays(/Let.s get error 1002 off your watch/);
      await chat.botSays('Does your watch turn on');
      await expectHidden(start);

      // Diagnostic questions: one tapped, one typed.
      await chat.tapSuggested('Yes');
      await chat.botSays('Is Bluetooth on');
      await chat.type('no');
      await chat.botSays('That points to the connection');

      // The fixes, easiest first (Bluetooth first, as it was said not to be connected): each one "still broken".
      await chat.tapCardButton('Fix Bluetooth and pairing', 'Still broken');
      await chat.botSays('Restart the watch');
      await chat.type('still broken');
      await chat.tapCardButton('Check the battery and charger', 'Still broken');
      const update = await chat.botSays('Update the watch and companion app');
      await expectVisible(update.getByRole('button', { name: 'Fixed it', exact: true }));
      await update.getByRole('button', { name: 'Still broken', exact: true }).scrollIntoViewIfNeeded();
      await screenshot(page, 'support-mid-conversation.png');
      await update.getByRole('button', { name: 'Still broken', exact: true }).click();
      await chat.tapCardButton('Sign in again and force a sync', 'Still broken');

      // The factory reset asks first; holding off means the do-it-yourself steps are done.
      await chat.botSays('factory reset wipes everything');
      await chat.tapSuggested('Not now');
      await chat.botSays('Those are all the fixes you can safely try at home');
      await chat.botSays('When did you buy it');
      await chat.type('3 months ago');

      // Escalation: warranty verdict, the manufacturer and certified repair contacts, the case summary.
      await chat.botSays(/under the 12-month warranty/);
      const manufacturers = await chat.botSays(MANUFACTURER.name);
      await expectVisible(manufacturers.getByText(MANUFACTURER.phone, { exact: true }));
      const repair = await chat.botSays(REPAIR_CENTRE.name);
      await expectVisible(repair.getByText(REPAIR_CENTRE.phone, { exact: true }));
      await expect(repair.getByRole('link', { name: REPAIR_CENTRE.email }).getAttribute('href')).resolves.toBe(`mailto:${REPAIR_CENTRE.email}`);
      const summary = await chat.botSays('Case summary');
      await expectVisible(summary.getByText('covered until', { exact: false }));

      await repair.getByText(REPAIR_CENTRE.name).scrollIntoViewIfNeeded();
      await screenshot(page, 'support-escalation.png');

      // "Call" opens the phone's dialler with a tel: link (window.open is caught so no dialler starts here).
      await page.evaluate(() => {
        const w = window as unknown as { opened: string[]; open: (url?: string | URL) => null };
        w.opened = [];
        w.open = (url) => { w.opened.push(String(url)); return null; };
      });
      await repair.getByRole('button', { name: `Call ${REPAIR_CENTRE.phone}` }).click();
      await expect(page.waitForFunction(() => (window as unknown as { opened: string[] }).opened[0], undefined, REPLY).then((h) => h.jsonValue())).resolves.toBe(REPAIR_CENTRE.tel);

      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('support page when chat is not available', () => {
  let bot: RunningBot;

  beforeAll(async () => {
    // An Azure secret with a Direct Line endpoint nobody answers on: the token endpoint answers 502.
    bot = await startBot({ DIRECT_LINE_SECRET: 'test-secret', DIRECT_LINE_ENDPOINT: 'http://127.0.0.1:9/v3/directline' });
  });

  afterAll(async () => {
    await bot?.close();
  });

  test('a failing token endpoint shows a friendly message and a way to try again', async () => {
    const { context, page, problems } = await openPage(bot.base);
    try {
      const tokenAnswer = page.waitForResponse((r) => r.url().endsWith('/api/directline/token'), REPLY);
      await page.goto(bot.base, { waitUntil: 'domcontentloaded' });
      expect((await tokenAnswer).status()).toBe(502);

      const alert = page.getByRole('alert').filter({ hasText: "The chat can't start right now" });
      await alert.waitFor(REPLY);
      await expectVisible(alert.getByText('The chat service is not reachable right now. Please try again in a minute.'));
      await expectVisible(page.getByText('Offline', { exact: true }));
      await expectHidden(page.getByRole('button', { name: 'My watch shows error 1002' }));

      // Trying again asks for a token again (and fails the same way here).
      const retried = page.waitForResponse((r) => r.url().endsWith('/api/directline/token'), REPLY);
      await alert.getByRole('button', { name: 'Try again' }).click();
      expect((await retried).status()).toBe(502);
      await alert.waitFor(REPLY);
      await screenshot(page, 'support-unavailable.png');

      // The browser logs the failed token request (a 502) as a console error; nothing else may go wrong.
      expect(problems.filter((p) => !/status of 502/.test(p))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

/** The page as a visitor sees it: scrolled to the top (scrolling inside the chat may move the page). */
async function screenshot(page: Page, file: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOTS, file) });
}

async function expectVisible(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: 'visible', ...REPLY });
}

async function expectHidden(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: 'hidden', ...REPLY });
}

async function expectEnabled(locator: Locator): Promise<void> {
  const handle = await locator.elementHandle(REPLY);
  await handle?.waitForElementState('enabled', REPLY);
}
