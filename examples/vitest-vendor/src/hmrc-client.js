/**
 * The vendor's own code under test: a small HMRC client with an application-restricted token, fetched when first
 * needed and again when HMRC says it has expired (401 INVALID_CREDENTIALS after four hours).
 */
export function hmrcClient({ baseUrl, clientId, clientSecret }) {
  let token;
  const stats = { tokensFetched: 0 };

  async function fetchToken() {
    const res = await fetch(`${baseUrl}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
    });
    if (res.status !== 200) throw new Error(`token: ${res.status} ${await res.text()}`);
    stats.tokensFetched++;
    return (await res.json()).access_token;
  }

  async function get(path) {
    token ??= await fetchToken();
    const call = () => fetch(`${baseUrl}${path}`, { headers: { accept: 'application/vnd.hmrc.1.0+json', authorization: `Bearer ${token}` } });
    let res = await call();
    if (res.status === 401) {
      token = await fetchToken();
      res = await call();
    }
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json();
  }

  return { stats, helloApplication: async () => (await get('/hello/application')).message };
}
