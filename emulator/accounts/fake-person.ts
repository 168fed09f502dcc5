import { faker } from '@faker-js/faker/locale/en_GB';
import type { Address } from './account.js';
import type { Prng } from './identifiers/prng.js';
import { POST_TOWNS } from './post-towns.js';

/**
 * Names, dates of birth and addresses for generated accounts, from faker's en_GB locale (imported alone to keep
 * start-up fast); addresses are in real post towns, with postcodes HMRC's checks accept (see fakeAddress). Only
 * these come from faker; identifiers come from ./identifiers. faker's locale instance is a
 * module singleton, so it is re-seeded from the account's PRNG immediately before each (synchronous) use:
 * nothing leaks between accounts or emulators.
 */
export interface FakePerson {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  address: Address;
}

export function fakePerson(prng: Prng, today: Date): FakePerson {
  faker.seed(prng.int(0, 2 ** 31 - 1));
  return {
    firstName: faker.person.firstName(),
    lastName: faker.person.lastName(),
    dateOfBirth: faker.date.birthdate({ mode: 'age', min: 18, max: 85, refDate: today }).toISOString().slice(0, 10),
    address: fakeAddress(),
  };
}

export function fakeOrganisationAddress(prng: Prng): Address {
  faker.seed(prng.int(0, 2 ** 31 - 1));
  return fakeAddress();
}

/**
 * A street from faker, then a real post town and one of its real outward codes (post-towns.ts), and an inward code
 * of a digit and two of the letters Royal Mail uses there (never C, I, K, M, O or V). faker's own `zipCode()` is
 * not used: half its en_GB formats (`BR33 21D`) fail HMRC's postcode pattern.
 */
function fakeAddress(): Address {
  const line1 = faker.location.streetAddress();
  const { town, outwardCodes } = faker.helpers.arrayElement(POST_TOWNS);
  const inward = `${faker.number.int(9)}${faker.string.fromCharacters(INWARD_LETTERS, 2)}`;
  return { line1, line2: town, postcode: `${faker.helpers.arrayElement(outwardCodes)} ${inward}` };
}

const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

/** HMRC's form: `first.last@example.com`, lower-cased; example.com never delivers mail. */
export function emailFor(firstName: string, lastName: string): string {
  const part = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '');
  return `${part(firstName)}.${part(lastName)}@example.com`;
}
