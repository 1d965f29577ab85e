/**
 * Which URLs belong to the app, for the Electron shell's navigation, request and IPC-sender checks.
 * Kept free of Electron so it is unit-tested directly.
 */

/** Decisions the Electron shell asks for. */
export interface UrlPolicy {
  /** True for the app's own page: IPC is only answered from it, and navigation may only go to it. */
  isAppPage(url: string): boolean;
  /** True for requests the renderer may make: its own bundle (and the dev server in development). */
  isAllowedRequest(url: string): boolean;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * Builds the policy for a renderer loaded from `rendererUrl`: a `file:` URL to the built
 * index.html, or the electron-vite dev server's `http:` URL in development.
 */
export function createUrlPolicy(rendererUrl: string): UrlPolicy {
  const page = new URL(rendererUrl);
  if (page.protocol === 'file:') {
    const bundleDir = page.pathname.slice(0, page.pathname.lastIndexOf('/') + 1);
    return {
      isAppPage: (url) => {
        const u = parse(url);
        return u !== null && u.protocol === 'file:' && u.host === page.host && u.pathname === page.pathname;
      },
      // The URL parser has already resolved `..` (also when percent-encoded), so a prefix test is enough.
      isAllowedRequest: (url) => {
        const u = parse(url);
        if (u === null) return false;
        if (u.protocol === 'devtools:') return true;
        return u.protocol === 'file:' && u.host === page.host && u.pathname.startsWith(bundleDir);
      },
    };
  }
  if (page.protocol !== 'http:' || !['localhost', '127.0.0.1', '[::1]'].includes(page.hostname)) {
    throw new Error(`The renderer must be a file: URL or a loopback dev server, not ${rendererUrl}`);
  }
  // Development: the dev server's origin for pages and modules, and its socket for hot reload.
  const sameServer = (u: URL | null) => u !== null && u.host === page.host && (u.protocol === 'http:' || u.protocol === 'ws:');
  return {
    isAppPage: (url) => {
      const u = parse(url);
      return sameServer(u) && u?.protocol === 'http:';
    },
    isAllowedRequest: (url) => {
      const u = parse(url);
      return sameServer(u) || u?.protocol === 'devtools:';
    },
  };
}
