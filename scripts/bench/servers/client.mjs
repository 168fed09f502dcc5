// The bare oidc-provider's one client, shared by its launcher and the load generator.
export const CLIENT = { client_id: 'bench-client', client_secret: 'bench-client-secret-0123456789' };
