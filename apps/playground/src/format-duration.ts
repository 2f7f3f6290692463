// Durations in words, as core's explanations write them (core keeps its formatter internal).
const minutesPerHour = 60;
const minutesPerDay = 24 * minutesPerHour;

/** Rounded to the minute first, so that no part reads `60 min` or `24 h`. */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  const total = Math.round(ms / 60_000);
  if (total < minutesPerHour) return `${total} min`;
  if (total < minutesPerDay) {
    const hours = Math.floor(total / minutesPerHour);
    const minutes = total % minutesPerHour;
    return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
  }
  const days = Math.floor(total / minutesPerDay);
  const hours = Math.round((total % minutesPerDay) / minutesPerHour);
  if (hours === 24) return `${days + 1} d`;
  return hours === 0 ? `${days} d` : `${days} d ${hours} h`;
}
