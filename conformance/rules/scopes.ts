/**
 * The OAuth scopes the kit knows (HMRC's `api-scope` scopes.json: those a Making Tax Digital or agent service's
 * software may ask for, and the OpenID Connect ones), each with the APIs it is for. A scope is a fair request when
 * the application is subscribed to one of its APIs; a scope with no API listed is not tied to one (OpenID Connect).
 * The kit's own list, not the emulator's: it grades what the software asks for by HMRC's published scopes.
 */
type ApiMatch = (context: string) => boolean;

const contexts =
  (...names: string[]): ApiMatch =>
  (context) =>
    names.includes(context);
/** Income Tax (MTD): every `individuals/…` API, and the obligations API shared with other taxes. */
const incomeTax: ApiMatch = (context) => context.startsWith('individuals/') || context === 'obligations/details';
const agents = contexts('agents');
const anyApi: ApiMatch = () => true;

const SCOPES: Record<string, ApiMatch> = {
  hello: contexts('hello'),
  'read:vat': contexts('organisations/vat'),
  'write:vat': contexts('organisations/vat'),
  'read:self-assessment': incomeTax,
  'write:self-assessment': incomeTax,
  'read:self-assessment-assist': incomeTax,
  'write:self-assessment-assist': incomeTax,
  'read:sent-invitations': agents,
  'write:sent-invitations': agents,
  'read:check-relationship': agents,
  'write:relationships': agents,
  'write:cancel-invitations': agents,
  'read:national-insurance': anyApi,
  openid: anyApi,
  profile: anyApi,
  email: anyApi,
  address: anyApi,
};

/** Whether HMRC defines the scope (among those the kit knows). */
export function isKnownScope(scope: string): boolean {
  return Object.hasOwn(SCOPES, scope);
}

/** Whether the application may ask for `scope`, given the API contexts it is subscribed to. */
export function scopeFitsSubscriptions(scope: string, subscriptions: readonly string[]): boolean {
  const fits = SCOPES[scope];
  return fits === anyApi || Boolean(fits && subscriptions.some(fits));
}

/** A scope parameter (space-separated; a `+` in the query already decoded to a space) → its scopes. */
export function splitScopes(scope: string): string[] {
  return scope.split(' ').filter(Boolean);
}
