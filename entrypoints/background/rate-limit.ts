// How many checks one page may ask for. A person cannot post twenty times in ten
// seconds; a page that asks that often is not being driven by a person (or is a
// pupil hammering Post to make a check fail), so the extra checks are not run.

export interface RateLimit {
  /** Counts a check for `key` and says whether it may run. */
  allow(key: string | number): boolean;
}

/** At most `max` checks per key in any `windowMs`. */
export function createRateLimit(max: number, windowMs: number, now: () => number = Date.now): RateLimit {
  const recent = new Map<string | number, number[]>();
  return {
    allow(key) {
      const at = now();
      const times = (recent.get(key) ?? []).filter((time) => at - time < windowMs);
      // Forget quiet pages, so the map does not grow with every page ever opened.
      for (const [other, stamps] of recent) if (other !== key && at - stamps[stamps.length - 1] >= windowMs) recent.delete(other);
      if (times.length >= max) {
        recent.set(key, times);
        return false;
      }
      times.push(at);
      recent.set(key, times);
      return true;
    },
  };
}
