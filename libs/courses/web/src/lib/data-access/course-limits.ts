/** Field limits the forms check before sending; the API checks them again. */
export const COURSE_CODE_PATTERN = /^[A-Za-z0-9._-]{1,40}$/;
export const TITLE_MAX_LENGTH = 200;
export const DESCRIPTION_MAX_LENGTH = 20_000;
export const REQUIRED_HOURS_MAX = 2000;
export const LESSON_MINUTES_MAX = 600;
