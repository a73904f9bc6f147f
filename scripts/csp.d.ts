/** See csp.js. */
export function contentSecurityPolicy(options?: {
  scriptHash?: string;
}): string;
