/** One invalid field of a request body or query (RFC 9457 extension member `errors`). */
export interface FieldError {
  /** Dotted path of the field, e.g. `roles.0` or `password`. */
  field: string;
  /** Human-readable messages, Vietnamese first where the server knows the field. */
  messages: string[];
}

/** RFC 9457 problem details, served as `application/problem+json`. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** Stable machine code, e.g. `auth.invalid-credentials`, for clients to translate. */
  code?: string;
  errors?: FieldError[];
  requestId?: string;
  /** Per-dependency report of a failed readiness check. */
  details?: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
