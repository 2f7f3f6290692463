// Durations in words, as core's explanations write them (core keeps its formatter internal).
const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

export function formatDuration(ms: number): string {
  if (ms < minute) return `${Math.round(ms / 1000)} s`;
  if (ms < hour) return `${Math.round(ms / minute)} min`;
  if (ms < day) {
    const hours = Math.floor(ms / hour);
    const minutes = Math.round((ms - hours * hour) / minute);
    return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
  }
  const days = Math.floor(ms / day);
  const hours = Math.round((ms - days * day) / hour);
  return hours === 0 ? `${days} d` : `${days} d ${hours} h`;
}
