// Runs in: main process and CLI (Node). One Content-Security-Policy for the Electron window and browser mode.
// No inline or remote script, no plugins, no framing; mention text can never become code.
// style-src allows inline styles because the component library sets them at run time; scripts never.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ')
