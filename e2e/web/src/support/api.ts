import type {
  CreateQuestionRequest,
  CreateQuizRequest,
  QuestionResponse,
  QuizResponse,
} from '@thuchoc/assessments/contracts';
import type { ClassSummary } from '@thuchoc/classes/contracts';
import type { TokenPair } from '@thuchoc/identity/contracts';
import type { Page as ListPage } from '@thuchoc/shared/contracts';
import { DEMO_PASSWORD, baseUrl } from './browser';

/**
 * The REST API as one demo user, for arranging what a journey starts from
 * (a quiz to take, essays to grade) without clicking through other people's
 * pages. The journey under test itself always goes through the browser.
 */
export class ApiClient {
  private constructor(private readonly token: string) {}

  static async login(username: string, password = DEMO_PASSWORD): Promise<ApiClient> {
    const pair = await call<TokenPair>('POST', '/auth/login', undefined, { username, password });
    return new ApiClient(pair.accessToken);
  }

  get<T>(path: string): Promise<T> {
    return call<T>('GET', path, this.token);
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return call<T>('POST', path, this.token, body);
  }

  put<T>(path: string, body?: unknown): Promise<T> {
    return call<T>('PUT', path, this.token, body);
  }

  patch<T>(path: string, body?: unknown): Promise<T> {
    return call<T>('PATCH', path, this.token, body);
  }
}

async function call<T>(method: string, path: string, token?: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (token) headers['Authorization'] = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${baseUrl()}/api/v1${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A class in the caller's scope, by its code (centre staff, auditors, admins). */
export async function findClass(staff: ApiClient, code: string): Promise<ClassSummary> {
  const page = await staff.get<ListPage<ClassSummary>>(`/classes?q=${encodeURIComponent(code)}`);
  const found = page.items.find((item) => item.code === code);
  if (!found) throw new Error(`No class ${code} in scope`);
  return found;
}

export function createQuestion(
  staff: ApiClient,
  courseId: string,
  question: CreateQuestionRequest,
): Promise<QuestionResponse> {
  return staff.post<QuestionResponse>(`/courses/${courseId}/questions`, question);
}

export function createQuiz(
  editor: ApiClient,
  classId: string,
  quiz: CreateQuizRequest,
): Promise<QuizResponse> {
  return editor.post<QuizResponse>(`/classes/${classId}/quizzes`, quiz);
}

/** A topic name no other journey uses, so a quiz's draw rule picks only this journey's questions. */
export const uniqueTopic = (name: string): string => `${name} ${Date.now().toString(36)}`;
