import { addDays } from './freebit-clock';

/**
 * Deterministic pseudo-random daily usage: the same SIM and day always give the same figure,
 * so tests and the portal see a stable, plausible history without storing one.
 */
export function dailyUsageKb(msisdn: string, day: string): number {
  const roll = mulberry32(fnv1a(`${msisdn}:${day}`))();
  // Most days use 5–150 MB (a 5 GB plan lasts the month); about one day in ten is almost idle.
  if (roll < 0.1) return Math.floor(roll * 10 * 2_048);
  return Math.floor(5_120 + roll * 148_480);
}

/** Every day from `from` to `to` inclusive (both `YYYYMMDD`), with its usage; empty when `from` is after `to`. */
export function usageBetween(msisdn: string, from: string, to: string): { date: string; usageKb: number }[] {
  const days: { date: string; usageKb: number }[] = [];
  for (let day = from; day <= to; day = addDays(day, 1))
    days.push({ date: day, usageKb: dailyUsageKb(msisdn, day) });
  return days;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
