/** The API refuses a short reason; the same bound here saves a round trip. */
export const REASON_MIN_LENGTH = 5;
