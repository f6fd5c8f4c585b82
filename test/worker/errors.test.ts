import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';

const BASE = 'https://citeqa.test';

async function expectError(res: Response, status: number, code: string): Promise<string> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(10);
  return body.error.message;
}

describe('bad requests answer JSON errors with stable codes', () => {
  it.each([
    ['/ask', 'missing_question'],
    ['/ask?k=3', 'missing_question'],
    ['/ask?q=', 'empty_question'],
    ['/ask?q=%20%20%09', 'empty_question'],
    ['/ask?q=' + 'a'.repeat(501), 'question_too_long'],
    ['/ask?q=' + 'é'.repeat(501), 'question_too_long'],
    ['/ask?q=abc%00def', 'invalid_question'],
    ['/ask?q=%07bell', 'invalid_question'],
    ['/ask?q=%ED%A0%80', 'invalid_question'],
    ['/ask?q=%C3', 'invalid_question'],
    ['/ask?q=%FF%FE', 'invalid_question'],
    ['/ask?q=a&q=b', 'repeated_parameter'],
    ['/ask?q=a&k=0', 'invalid_k'],
    ['/ask?q=a&k=11', 'invalid_k'],
    ['/ask?q=a&k=-1', 'invalid_k'],
    ['/ask?q=a&k=2.5', 'invalid_k'],
    ['/ask?q=a&k=abc', 'invalid_k'],
    ['/ask?q=a&k=', 'invalid_k'],
    ['/ask?q=a&k=1e1', 'invalid_k'],
    ['/ask?q=a&k=3&k=4', 'repeated_parameter'],
  ])('GET %s → 400 %s', async (path, code) => {
    await expectError(await SELF.fetch(BASE + path), 400, code);
  });

  it('accepts a question of exactly 500 characters', async () => {
    const res = await SELF.fetch(`${BASE}/ask?q=${'Wang '.repeat(100)}`);
    expect(res.status).toBe(200);
  });

  it('accepts k from 1 to 10 written in digits, including a leading zero', async () => {
    for (const k of ['1', '10', '07']) expect((await SELF.fetch(`${BASE}/ask?q=Wang&k=${k}`)).status).toBe(200);
  });

  it.each(['/nope', '/ask/extra', '/ASK', '/health/', '/widget'])('GET %s → 404 not_found', async (path) => {
    await expectError(await SELF.fetch(BASE + path), 404, 'not_found');
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH'])('%s /ask → 405 method_not_allowed with Allow', async (method) => {
    const res = await SELF.fetch(`${BASE}/ask?q=Wang`, { method, body: method === 'DELETE' ? undefined : 'x' });
    await expectError(res, 405, 'method_not_allowed');
    expect(res.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  });

  it('answers POST /health with 405 too', async () => {
    await expectError(await SELF.fetch(`${BASE}/health`, { method: 'POST' }), 405, 'method_not_allowed');
  });
});

describe('CORS', () => {
  it('lets any origin read /ask by default', async () => {
    const res = await SELF.fetch(`${BASE}/ask?q=Wang`, { headers: { Origin: 'https://blog.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers preflight requests for /ask and /health', async () => {
    for (const path of ['/ask', '/health']) {
      const res = await SELF.fetch(BASE + path, {
        method: 'OPTIONS',
        headers: { Origin: 'https://blog.example', 'Access-Control-Request-Method': 'GET' },
      });
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(res.headers.get('access-control-allow-methods')).toContain('GET');
    }
  });

  it('adds CORS headers to error responses so browsers can read them', async () => {
    const res = await SELF.fetch(`${BASE}/ask?q=`, { headers: { Origin: 'https://blog.example' } });
    expect(res.status).toBe(400);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });
});
