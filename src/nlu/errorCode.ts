import { words } from './normalise';

const CODE_WORDS = new Set(['error', 'err', 'code', 'e', 'eror', 'errror', 'fault']);
const DIGITS: Record<string, number> = {
  zero: 0, oh: 0, o: 0, nought: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
};
const TEENS_AND_TENS: Record<string, number> = {
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const NUMBER_WORDS = new Set([...Object.keys(DIGITS), ...Object.keys(TEENS_AND_TENS), 'hundred', 'thousand', 'and']);

/**
 * Finds an error code: "error 1002", "err1002", "e1002", "code: 1002", a bare known code, or one
 * spelled out ("one thousand two", "one zero zero two", "ten oh two").
 */
export function findErrorCode(text: string, knownCodes: ReadonlySet<string>): string | undefined {
  const ws = words(text);
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i];
    const glued = /^(?:error|err|code|e)(\d{3,5})$/.exec(w);
    if (glued) return glued[1];
    if (/^\d{3,5}$/.test(w) && (knownCodes.has(w) || CODE_WORDS.has(ws[i - 1] ?? ''))) return w;
  }
  return spelledCode(ws, knownCodes);
}

function spelledCode(ws: string[], knownCodes: ReadonlySet<string>): string | undefined {
  for (let start = 0; start < ws.length; start++) {
    if (!NUMBER_WORDS.has(ws[start]) || ws[start] === 'and' || ws[start] === 'o') continue;
    let end = start;
    while (end < ws.length && NUMBER_WORDS.has(ws[end])) end++;
    const run = ws.slice(start, end).filter((w) => w !== 'and');
    const afterCodeWord = CODE_WORDS.has(ws[start - 1] ?? '');
    for (const candidate of [cardinal(run), digitByDigit(run)]) {
      if (candidate && (knownCodes.has(candidate) || (afterCodeWord && candidate.length >= 3))) return candidate;
    }
    start = end;
  }
  return undefined;
}

// "one thousand two" → 1002
function cardinal(run: string[]): string | undefined {
  let total = 0;
  let current = 0;
  for (const w of run) {
    if (w in DIGITS) current += DIGITS[w];
    else if (w in TEENS_AND_TENS) current += TEENS_AND_TENS[w];
    else if (w === 'hundred') current = (current || 1) * 100;
    else if (w === 'thousand') {
      total += (current || 1) * 1000;
      current = 0;
    }
  }
  const value = total + current;
  return value > 0 ? String(value) : undefined;
}

// "one zero zero two" or "ten oh two" → 1002
function digitByDigit(run: string[]): string | undefined {
  let out = '';
  for (const w of run) {
    if (w in DIGITS) out += String(DIGITS[w]);
    else if (w in TEENS_AND_TENS) out += String(TEENS_AND_TENS[w]);
    else return undefined;
  }
  return out.length >= 3 ? out : undefined;
}
