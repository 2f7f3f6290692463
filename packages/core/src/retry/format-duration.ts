const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** A duration in words for reason sentences: `45 s`, `12 min`, `4 h`, `2 d 6 h`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  if (ms < minute) return `${Math.round(ms / 1000)} s`;
  if (ms < hour) {
    const minutes = Math.round(ms / minute);
    return minutes === 60 ? '1 h' : `${minutes} min`;
  }
  if (ms < day) {
    const hours = Math.floor(ms / hour);
    const minutes = Math.round((ms - hours * hour) / minute);
    if (minutes === 60) return hours === 23 ? '1 d' : `${hours + 1} h`;
    return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
  }
  const days = Math.floor(ms / day);
  const hours = Math.round((ms - days * day) / hour);
  return hours === 0 ? `${days} d` : hours === 24 ? `${days + 1} d` : `${days} d ${hours} h`;
}
