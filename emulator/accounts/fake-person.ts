import { faker } from '@faker-js/faker/locale/en_GB';
import type { Address } from './account.js';
import type { Prng } from './identifiers/prng.js';

/**
 * Names, dates of birth and addresses for generated accounts, from faker's en_GB locale (imported alone to keep
 * start-up fast). Only these come from faker; identifiers come from ./identifiers. faker's locale instance is a
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

function fakeAddress(): Address {
  return { line1: faker.location.streetAddress(), line2: faker.location.city(), postcode: faker.location.zipCode() };
}

/** HMRC's form: `first.last@example.com`, lower-cased; example.com never delivers mail. */
export function emailFor(firstName: string, lastName: string): string {
  const part = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '');
  return `${part(firstName)}.${part(lastName)}@example.com`;
}
