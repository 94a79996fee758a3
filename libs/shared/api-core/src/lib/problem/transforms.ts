type TransformInput = { value: unknown };

/** Body transforms for `@Transform(...)`, shared by every request DTO. */
export const trimString = ({ value }: TransformInput) => (typeof value === 'string' ? value.trim() : value);

/** Trims, and turns an empty string into null (a cleared optional field). */
export const trimToNull = ({ value }: TransformInput) =>
  typeof value === 'string' ? value.trim() || null : value;

/** Query strings carry booleans as text. */
export const parseBoolean = ({ value }: TransformInput) =>
  value === 'true' ? true : value === 'false' ? false : value;
