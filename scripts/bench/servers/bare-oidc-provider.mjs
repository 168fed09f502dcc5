// Peer: oidc-provider with its defaults and one client (client_secret_post, client credentials on).
import { createServer } from 'node:http';
import Provider from 'oidc-provider';
import { CLIENT } from './client.mjs';

const provider = new Provider('http://127.0.0.1', {
  clients: [{ ...CLIENT, grant_types: ['client_credentials'], redirect_uris: [], response_types: [], token_endpoint_auth_method: 'client_secret_post' }],
  features: { clientCredentials: { enabled: true } },
});
const server = createServer(provider.callback());
server.listen(0, '127.0.0.1', () => console.log(`bare oidc-provider listening on http://127.0.0.1:${server.address().port}`));
