/**
 * A browser enough for redirect flows: keeps cookies per host:port (stricter than a browser,
 * which ignores ports) and follows redirects by hand, so a test sees every hop.
 */
export class CookieBrowser {
  private readonly jars = new Map<string, Map<string, string>>();
  /** every URL requested, in order */
  readonly visited: string[] = [];

  cookie(url: string, name: string): string | undefined {
    return this.jars.get(new URL(url).host)?.get(name);
  }

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url);
    const jar = this.jars.get(target.host) ?? new Map<string, string>();
    this.jars.set(target.host, jar);
    const headers = new Headers(init.headers);
    if (jar.size) headers.set('Cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    this.visited.push(target.href);
    const res = await fetch(target, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some(
        (a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]) < Date.now()),
      );
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    return res;
  }

  /**
   * GET `url` and follow redirects until `stop(url)` says the next hop is where the flow ends
   * (that hop is not requested) or an answer is not a redirect. Returns the last response and the
   * URL the last redirect pointed to.
   */
  async follow(url: string, stop: (next: URL) => boolean, maxHops = 20): Promise<{ res: Response; next: URL | null }> {
    let current = url;
    for (let hop = 0; hop < maxHops; hop++) {
      const res = await this.request(current);
      const location = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || !location) return { res, next: null };
      const next = new URL(location, current);
      if (stop(next)) return { res, next };
      current = next.href;
    }
    throw new Error(`more than ${maxHops} redirects: ${this.visited.join(' → ')}`);
  }
}
