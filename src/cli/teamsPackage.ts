import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import AdmZip from 'adm-zip';
import { z } from 'zod';
import { loadConfig, type Config } from '../config';

// `npm run teams:package [-- --out FILE] [-- --app-dir DIR]`: the Microsoft Teams app package.
// Reads appPackage/manifest.json and its two icons, fills in the bot's app id (MicrosoftAppId),
// checks the manifest's required fields and the icon sizes, and writes dist/teams-app.zip with
// manifest.json, color.png and outline.png at the zip root, ready to upload or sideload.

/** Where the manifest says the app id goes. */
export const APP_ID_PLACEHOLDER = '${{MICROSOFT_APP_ID}}';
/** Used in local mode (no MicrosoftAppId): the package builds, but Teams will not accept it. */
export const PLACEHOLDER_APP_ID = '00000000-0000-0000-0000-000000000000';

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a GUID (the Azure Bot\'s Microsoft App ID)');
const https = z.string().regex(/^https:\/\/[^\s]+$/, 'must be an https:// URL');
const scope = z.enum(['personal', 'team', 'groupChat']);
const iconFile = z.string().regex(/^[\w.-]+\.png$/, 'must be a .png file next to manifest.json');

// The fields Teams requires (app manifest schema v1.17 and later), with its length limits.
const manifestSchema = z.looseObject({
  $schema: z.string().regex(/^https:\/\/developer\.microsoft\.com\/json-schemas\/teams\/v1\.(1[7-9]|[2-9]\d)\/MicrosoftTeams\.schema\.json$/, 'must be the v1.17-or-later Teams schema URL'),
  manifestVersion: z.string().regex(/^1\.(1[7-9]|[2-9]\d)$/, 'must be 1.17 or later'),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a version like 1.0.0'),
  id: guid,
  developer: z.looseObject({ name: z.string().min(1).max(32), websiteUrl: https, privacyUrl: https, termsOfUseUrl: https }),
  name: z.looseObject({ short: z.string().min(1).max(30), full: z.string().max(100).optional() }),
  description: z.looseObject({ short: z.string().min(1).max(80), full: z.string().min(1).max(4000) }),
  icons: z.looseObject({ color: iconFile, outline: iconFile }),
  accentColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #2F6FDE'),
  bots: z.array(z.looseObject({
    botId: guid,
    scopes: z.array(scope).min(1),
    commandLists: z.array(z.looseObject({
      scopes: z.array(scope).min(1),
      commands: z.array(z.looseObject({ title: z.string().min(1).max(32), description: z.string().min(1).max(128) })).min(1).max(10),
    })).max(3).optional(),
  })).min(1).max(1),
  validDomains: z.array(z.string().regex(/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/i, 'a domain without scheme or path')).optional(),
});

export type TeamsManifest = z.infer<typeof manifestSchema>;

const ICON_SIZES = { color: 192, outline: 32 } as const;

export interface TeamsPackage {
  zip: Buffer;
  manifest: TeamsManifest;
  /** The files at the zip root. */
  files: string[];
}

/** The app id to put in the manifest, and a warning when it is only a placeholder (local mode). */
export function appIdFrom(config: Pick<Config, 'auth'>): { appId: string; warning?: string } {
  const appId = config.auth.MicrosoftAppId.trim();
  if (!appId) {
    return {
      appId: PLACEHOLDER_APP_ID,
      warning: `MicrosoftAppId is not set (local mode): the package uses the placeholder id ${PLACEHOLDER_APP_ID}. ` +
        'Set MicrosoftAppId to the Azure Bot\'s Microsoft App ID before uploading it to Teams.',
    };
  }
  const check = guid.safeParse(appId);
  if (!check.success) throw new Error(`MicrosoftAppId "${appId}" ${check.error.issues[0].message}`);
  return { appId };
}

/** Builds the zip in memory from `appDir` (manifest.json + icons); throws naming every problem found. */
export function buildTeamsPackage(appDir: string, appId: string): TeamsPackage {
  const manifestFile = join(appDir, 'manifest.json');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(manifestFile, 'utf8'));
  } catch (err) {
    throw new Error(`cannot read ${manifestFile}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const filled = fillPlaceholder(raw, appId);
  const parsed = manifestSchema.safeParse(filled);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.') || '(manifest)'}: ${i.message}`);
  const left = JSON.stringify(filled).match(/\$\{\{[^}]*\}\}/g);
  if (left) problems.push(`placeholders left unfilled: ${[...new Set(left)].join(', ')}`);
  const icons: [string, Buffer][] = [];
  if (parsed.success) {
    for (const kind of ['color', 'outline'] as const) {
      const name = parsed.data.icons[kind];
      const file = join(appDir, name);
      if (!existsSync(file)) {
        problems.push(`icons.${kind}: ${name} is missing`);
        continue;
      }
      const png = readFileSync(file);
      const size = pngSize(png);
      const want = ICON_SIZES[kind];
      if (!size) problems.push(`icons.${kind}: ${name} is not a PNG`);
      else if (size.width !== want || size.height !== want) problems.push(`icons.${kind}: ${name} is ${size.width}x${size.height}, Teams wants ${want}x${want}`);
      icons.push([name, png]);
    }
  }
  if (problems.length > 0 || !parsed.success) throw new Error(`${manifestFile} is not a valid Teams manifest:\n  ${problems.join('\n  ')}`);

  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(`${JSON.stringify(filled, null, 2)}\n`, 'utf8'));
  for (const [name, png] of icons) zip.addFile(name, png);
  return { zip: zip.toBuffer(), manifest: parsed.data, files: ['manifest.json', ...icons.map(([name]) => name)] };
}

/** Every string in the manifest with the app id placeholder replaced. */
function fillPlaceholder(value: unknown, appId: string): unknown {
  if (typeof value === 'string') return value.split(APP_ID_PLACEHOLDER).join(appId);
  if (Array.isArray(value)) return value.map((v) => fillPlaceholder(v, appId));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillPlaceholder(v, appId)]));
  return value;
}

/** Width and height from a PNG's IHDR chunk, or undefined when it is not a PNG. */
export function pngSize(png: Buffer): { width: number; height: number } | undefined {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (png.length < 24 || !png.subarray(0, 8).equals(signature) || png.toString('ascii', 12, 16) !== 'IHDR') return undefined;
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

// The folder with package.json above this file (works from src/ and from dist/src/).
function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

function main(): number {
  const args = process.argv.slice(2);
  const root = projectRoot();
  const appDir = resolve(argValue(args, '--app-dir') ?? join(root, 'appPackage'));
  const out = resolve(argValue(args, '--out') ?? join(root, 'dist', 'teams-app.zip'));
  try {
    const { appId, warning } = appIdFrom(loadConfig());
    if (warning) console.warn(`warning: ${warning}`);
    const pkg = buildTeamsPackage(appDir, appId);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, pkg.zip);
    console.log(`${out}: ${pkg.files.join(', ')} (app id ${appId}, manifest ${pkg.manifest.manifestVersion}, version ${pkg.manifest.version})`);
    return 0;
  } catch (err) {
    console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

if (require.main === module) process.exitCode = main();
