// Peer: oauth2-mock-server 8 with one RS256 key, as its README's quick start sets it up.
import { OAuth2Server } from 'oauth2-mock-server';

const server = new OAuth2Server();
await server.issuer.keys.generate('RS256');
await server.start(0, '127.0.0.1');
console.log(`oauth2-mock-server listening on ${server.issuer.url}`);
