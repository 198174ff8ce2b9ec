// The Content-Security-Policy of every page. Next puts the nonce it finds in the request's CSP header on
// its own inline scripts; 'strict-dynamic' lets those load the chunks they import, nothing else runs.
export function contentSecurityPolicy(nonce: string, opts: { dev: boolean }): string {
  return [
    "default-src 'self'",
    // Next's dev server evaluates modules for fast refresh; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ''}`,
    // React and the terminal/VNC viewers set style attributes.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // Live stream and console WebSockets go to this origin only.
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
