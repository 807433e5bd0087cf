// Calls to the API with the session cookie; errors carry the API's Japanese message.
export class ApiError extends Error {
  status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export async function api<T>(path: string, options: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, ...init } = options;
  const res = await fetch(path, {
    credentials: 'same-origin',
    ...init,
    headers: { ...(json !== undefined ? { 'content-type': 'application/json' } : {}), ...(init.headers ?? {}) },
    ...(json !== undefined ? { body: JSON.stringify(json), method: init.method ?? 'POST' } : {}),
  });
  const body = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, messageOf(body, res.status));
  return body as T;
}

/** The Japanese message of the API's error shape, or a general one. */
export function messageOf(body: unknown, status?: number): string {
  return (body as { error?: { message?: string } } | null)?.error?.message ?? `サーバーとの通信に失敗しました${status ? `(HTTP ${status})` : ''}。`;
}

/**
 * The chat's errors: the ai SDK throws the response's text as the message (the API's JSON error
 * shape), or the browser's own English when the server cannot be reached.
 */
export function chatErrorMessage(e: Error): string {
  try {
    return messageOf(JSON.parse(e.message));
  } catch {
    return 'サーバーに接続できませんでした。通信環境を確認して、もう一度お試しください。';
  }
}

export type Role = 'traveler' | 'staff' | 'helpdesk' | 'admin';
export interface User {
  id: string;
  role: Role;
}

export interface Citation {
  n: number;
  source: string;
  title: string;
  section: string;
  page: number | null;
  text: string;
  score?: number;
  cited?: boolean;
}

export function waited(seconds: number): string {
  if (seconds < 3600) return `${Math.max(1, Math.round(seconds / 60))}分`;
  if (seconds < 86400) return `${Math.round(seconds / 3600)}時間`;
  return `${Math.round(seconds / 86400)}日`;
}
