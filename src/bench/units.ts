// How the bench reports write numbers.

export function ms(v: number): string {
  return v.toFixed(v < 10 ? 2 : 1);
}

export function kb(bytes: number): string {
  return (bytes / 1024).toFixed(2);
}

export function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

export function pct(share: number): string {
  return `${Math.round(share * 100)}%`;
}
