// The REST API of PROTOCOL.md, as used by the page.

export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.message) || `HTTP ${status}`);
    this.status = status;
    this.error = body && body.error;
  }
}

async function request(method, url, body, { signal } = {}) {
  const init = { method, headers: { Accept: 'application/json' }, signal };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const res = await fetch(url, init);
  const text = await res.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}

const room = (id) => `/api/rooms/${encodeURIComponent(id)}`;

export const api = {
  languages: () => request('GET', '/api/languages'),
  createRoom: (language, code) => request('POST', '/api/rooms', code === undefined ? { language } : { language, code }),
  getRoom: (id) => request('GET', room(id)),
  history: (id, since, limit) => request('GET', `${room(id)}/history?since=${since}&limit=${limit}`),
  codeAt: (id, revision) => request('GET', `${room(id)}/code?revision=${revision}`),
  autocomplete: (code, cursorPosition, language, signal) =>
    request('POST', '/api/autocomplete', { code, cursorPosition, language }, { signal }),
};

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** The room id in a pasted link or id, or null. */
export function parseRoomId(input) {
  const match = UUID.exec(String(input || ''));
  return match ? match[0].toLowerCase() : null;
}
