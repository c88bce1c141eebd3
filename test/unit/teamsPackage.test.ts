import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AdmZip from 'adm-zip';
import { appIdFrom, buildTeamsPackage, PLACEHOLDER_APP_ID, pngSize } from '../../src/cli/teamsPackage';
import { ROOT } from '../helpers/testCore';

const APP_DIR = join(ROOT, 'appPackage');
const APP_ID = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
const scratch = mkdtempSync(join(tmpdir(), 'teams-app-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let copies = 0;
function editedCopy(edit: (manifest: Record<string, unknown>) => void): string {
  const dir = join(scratch, `app-${++copies}`);
  cpSync(APP_DIR, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  edit(manifest);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

describe('the committed app package sources', () => {
  const manifest = JSON.parse(readFileSync(join(APP_DIR, 'manifest.json'), 'utf8'));

  test('manifest uses the v1.17-or-later schema, a placeholder id, a bot in personal/team/groupChat with commands', () => {
    expect(manifest.$schema).toMatch(/^https:\/\/developer\.microsoft\.com\/json-schemas\/teams\/v1\.\d+\/MicrosoftTeams\.schema\.json$/);
    expect(Number(manifest.manifestVersion.split('.')[1])).toBeGreaterThanOrEqual(17);
    expect(manifest.$schema).toContain(`v${manifest.manifestVersion}/`);
    expect(manifest.id).toBe('${{MICROSOFT_APP_ID}}');
    expect(manifest.bots[0].botId).toBe('${{MICROSOFT_APP_ID}}');
    expect(manifest.bots[0].scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(manifest.bots[0].commandLists[0].commands.length).toBeGreaterThanOrEqual(3);
    expect(manifest.validDomains.length).toBeGreaterThan(0);
    for (const url of Object.values(manifest.developer).filter((v) => typeof v === 'string' && v.startsWith('http'))) expect(url).toMatch(/^https:\/\/www\.example\.com\//);
  });

  test('icons: color 192x192, outline 32x32, both RGBA PNGs', () => {
    const color = readFileSync(join(APP_DIR, 'color.png'));
    const outline = readFileSync(join(APP_DIR, 'outline.png'));
    expect(pngSize(color)).toEqual({ width: 192, height: 192 });
    expect(pngSize(outline)).toEqual({ width: 32, height: 32 });
    // Colour type 6 = RGBA: the outline needs its transparent background.
    expect(outline[25]).toBe(6);
  });
});

describe('buildTeamsPackage', () => {
  test('zips manifest.json and both icons at the root, with the app id filled in', () => {
    const pkg = buildTeamsPackage(APP_DIR, APP_ID);
    const zip = new AdmZip(pkg.zip);
    expect(zip.getEntries().map((e) => e.entryName).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(zip.readAsText('manifest.json'));
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0].botId).toBe(APP_ID);
    expect(zip.readAsText('manifest.json')).not.toContain('${{');
    expect(zip.getEntry('color.png')!.getData().equals(readFileSync(join(APP_DIR, 'color.png')))).toBe(true);
    expect(zip.getEntry('outline.png')!.getData().equals(readFileSync(join(APP_DIR, 'outline.png')))).toBe(true);
  });

  test('refuses a manifest missing required fields, naming each', () => {
    const dir = editedCopy((m) => {
      delete m.developer;
      (m.name as Record<string, unknown>).short = 'A name far longer than thirty characters';
    });
    expect(() => buildTeamsPackage(dir, APP_ID)).toThrow(/developer[\s\S]*name\.short/);
  });

  test('refuses an id that is not a GUID, an unknown placeholder and a wrong-size icon', () => {
    expect(() => buildTeamsPackage(APP_DIR, 'my-bot')).toThrow(/id: must be a GUID/);
    const placeholder = editedCopy((m) => { m.packageName = '${{PACKAGE_NAME}}'; });
    expect(() => buildTeamsPackage(placeholder, APP_ID)).toThrow(/\$\{\{PACKAGE_NAME\}\}/);
    const icons = editedCopy((m) => { (m.icons as Record<string, unknown>).outline = 'color.png'; });
    expect(() => buildTeamsPackage(icons, APP_ID)).toThrow(/icons\.outline: color\.png is 192x192, Teams wants 32x32/);
  });
});

describe('appIdFrom', () => {
  const auth = (MicrosoftAppId: string) => ({ auth: { MicrosoftAppId, MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant' as const, MicrosoftAppTenantId: '' } });

  test('uses MicrosoftAppId', () => {
    expect(appIdFrom(auth(APP_ID))).toEqual({ appId: APP_ID });
  });

  test('local mode (no MicrosoftAppId): a placeholder GUID with a warning', () => {
    const { appId, warning } = appIdFrom(auth(''));
    expect(appId).toBe(PLACEHOLDER_APP_ID);
    expect(warning).toMatch(/MicrosoftAppId is not set/);
  });

  test('a MicrosoftAppId that is not a GUID is a clear error', () => {
    expect(() => appIdFrom(auth('not-a-guid'))).toThrow(/MicrosoftAppId "not-a-guid" must be a GUID/);
  });
});
