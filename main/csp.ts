/**
 * The renderer's Content Security Policy: injected as a <meta> tag into index.html at build time
 * (covers Electron's file: page) and also sent as a header by the browser-mode server.
 *
 * Scripts only from the app's own bundle. Styles also allow inline because CodeMirror mounts its
 * generated theme in a <style> element; that is the one relaxation. `connect-src 'self'` covers
 * the browser-mode bridge socket, which is same-origin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');
