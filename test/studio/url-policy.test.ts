import { describe, expect, it } from 'vitest';
import { createUrlPolicy } from '../../main/url-policy';

describe('createUrlPolicy for the built renderer', () => {
  const policy = createUrlPolicy('file:///opt/capsule/out/renderer/index.html');

  it('knows the app page, with or without a fragment', () => {
    expect(policy.isAppPage('file:///opt/capsule/out/renderer/index.html')).toBe(true);
    expect(policy.isAppPage('file:///opt/capsule/out/renderer/index.html#x')).toBe(true);
    expect(policy.isAppPage('file:///opt/capsule/out/renderer/other.html')).toBe(false);
    expect(policy.isAppPage('https://example.com/')).toBe(false);
    expect(policy.isAppPage('not a url')).toBe(false);
  });

  it('allows the bundle and devtools, and nothing else', () => {
    expect(policy.isAllowedRequest('file:///opt/capsule/out/renderer/assets/index.js')).toBe(true);
    expect(policy.isAllowedRequest('devtools://devtools/bundled/inspector.html')).toBe(true);
    expect(policy.isAllowedRequest('file:///opt/capsule/out/renderer/../../package.json')).toBe(false);
    expect(policy.isAllowedRequest('file:///opt/capsule/out/renderer/%2e%2e/main/index.js')).toBe(false);
    expect(policy.isAllowedRequest('file:///etc/passwd')).toBe(false);
    expect(policy.isAllowedRequest('https://example.com/script.js')).toBe(false);
    expect(policy.isAllowedRequest('http://127.0.0.1:8080/')).toBe(false);
  });
});

describe('createUrlPolicy for the dev server', () => {
  const policy = createUrlPolicy('http://localhost:5173/');

  it('allows the dev server origin, its hot-reload socket, and nothing else', () => {
    expect(policy.isAppPage('http://localhost:5173/')).toBe(true);
    expect(policy.isAppPage('ws://localhost:5173/')).toBe(false);
    expect(policy.isAllowedRequest('http://localhost:5173/src/main.ts')).toBe(true);
    expect(policy.isAllowedRequest('ws://localhost:5173/')).toBe(true);
    expect(policy.isAllowedRequest('http://localhost:5174/')).toBe(false);
    expect(policy.isAllowedRequest('https://cdn.example.com/x.js')).toBe(false);
  });

  it('refuses a renderer URL that is not local', () => {
    expect(() => createUrlPolicy('https://example.com/')).toThrow(/file: URL or a loopback dev server/);
  });
});
