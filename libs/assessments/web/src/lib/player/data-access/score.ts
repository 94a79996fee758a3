/** A score on the 10-point scale as people read it: "7,50" in Vietnamese, "7.50" in English. */
export function formatScore(score: number, language: string): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-US' : 'vi-VN', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(score);
}

/** Points of a question or an attempt: "1", "2,5" — no trailing zeros. */
export function formatPoints(points: number, language: string): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-US' : 'vi-VN', { maximumFractionDigits: 2 }).format(
    points,
  );
}
