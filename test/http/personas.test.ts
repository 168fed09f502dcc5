import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authenticator } from 'otplib';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { Account } from '../../emulator/accounts/account.js';
import { isValidArn } from '../../emulator/accounts/identifiers/arn.js';
import { isValidMtdItId } from '../../emulator/accounts/identifiers/mtd-it-id.js';
import { isValidNino } from '../../emulator/accounts/identifiers/nino.js';
import { isValidUtr } from '../../emulator/accounts/identifiers/utr.js';
import { isValidVrn } from '../../emulator/accounts/identifiers/vrn.js';
import type { Emulator } from '../../emulator/app.js';
import { authorize, emulator, exchange, JSON_V1 } from '../support.js';

const NAMED = [
  'individual',
  'individual-sms',
  'individual-voice',
  'individual-app',
  'individual-no-2sv',
  'individual-low-confidence',
  'individual-locked',
  'organisation',
  'vat-individual',
  'agent',
  'agent-no-asa',
  'client-1',
  'client-2',
];

async function accounts(e: Emulator): Promise<Array<Omit<Account, 'passwordHash'>>> {
  return (await e.context.accounts.list()).map(({ passwordHash: _hash, ...rest }) => rest);
}

async function persona(e: Emulator, name: string): Promise<Account> {
  const account = (await e.context.accounts.list()).find((a) => a.persona === name);
  if (!account) throw new Error(`no persona ${name}`);
  return account;
}

function tempFile(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'personas-')), name);
  writeFileSync(file, text);
  return file;
}

describe('seeded personas', () => {
  it('seeds the legacy sandbox user and every named persona', async () => {
    const e = await emulator();
    expect(e.personas().map((p) => p.persona)).toEqual(['legacy-sandbox-user', ...NAMED]);
    expect(e.personas()[0]).toMatchObject({ userId: 'user1', password: 'password1' });
  });

  it('gives the same accounts, credentials and names for the same seed', async () => {
    const a = await emulator({ seed: 'same' });
    const b = await emulator({ seed: 'same' });
    expect(b.personas()).toEqual(a.personas());
    expect(await accounts(b)).toEqual(await accounts(a));
  });

  it('gives different accounts for a different seed', async () => {
    const a = await emulator({ seed: 'one' });
    const b = await emulator({ seed: 'two' });
    const individualA = a.personas().find((p) => p.persona === 'individual')!;
    const individualB = b.personas().find((p) => p.persona === 'individual')!;
    expect(individualB.userId).not.toBe(individualA.userId);
    expect(individualB.password).not.toBe(individualA.password);
    expect(individualB.nino).not.toBe(individualA.nino);
    expect((await persona(b, 'individual')).userFullName).not.toBe((await persona(a, 'individual')).userFullName);
  });

  it('generates only valid identifiers', async () => {
    const e = await emulator({ seed: 'valid' });
    const validators: Record<string, (v: string) => boolean> = {
      nino: isValidNino,
      saUtr: isValidUtr,
      ctUtr: isValidUtr,
      mtdItId: isValidMtdItId,
      vrn: isValidVrn,
      agentServicesAccountNumber: isValidArn,
    };
    let checked = 0;
    for (const account of await e.context.accounts.list()) {
      if (account.userId === 'user1') continue;
      expect(account.userId).toMatch(/^\d{12}$/);
      for (const [key, value] of Object.entries(account.identifiers)) {
        const valid = validators[key];
        if (!valid) continue;
        expect(valid(value), `${account.persona} ${key} ${value}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('gives each persona the enrolments of its services', async () => {
    const e = await emulator();
    expect((await persona(e, 'individual')).enrolments.map((x) => x.key)).toEqual(['HMRC-MTD-IT', 'IR-SA']);
    const organisation = await persona(e, 'organisation');
    expect(organisation.affinityGroup).toBe('Organisation');
    expect(organisation.identifiers.vatRegistrationDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(organisation.enrolments).toContainEqual({ key: 'HMRC-MTD-VAT', identifiers: [{ key: 'VRN', value: organisation.identifiers.vrn }] });
    expect((await persona(e, 'vat-individual')).enrolments.map((x) => x.key)).toEqual(['HMRC-MTD-VAT']);
    const agent = await persona(e, 'agent');
    expect(agent.affinityGroup).toBe('Agent');
    expect(agent.identifiers.agentCode).toMatch(/^\d{10}$/);
    expect(agent.enrolments).toEqual([{ key: 'HMRC-AS-AGENT', identifiers: [{ key: 'AgentReferenceNumber', value: agent.identifiers.agentServicesAccountNumber }] }]);
    const noAsa = await persona(e, 'agent-no-asa');
    expect(noAsa.affinityGroup).toBe('Agent');
    expect(noAsa.enrolments).toEqual([]);
    for (const client of ['client-1', 'client-2']) expect((await persona(e, client)).enrolments.map((x) => x.key)).toEqual(['HMRC-MTD-IT']);
  });

  it('sets up 2-step verification, confidence level and locking as each persona declares', async () => {
    const e = await emulator();
    expect((await persona(e, 'individual')).twoStepVerification).toBeUndefined();
    expect((await persona(e, 'individual-sms')).twoStepVerification).toEqual({ method: 'text', phoneNumber: expect.stringMatching(/^07700 900\d{3}$/) });
    expect((await persona(e, 'individual-voice')).twoStepVerification).toMatchObject({ method: 'voice', phoneNumber: expect.any(String) });
    expect((await persona(e, 'individual-no-2sv')).twoStepVerification).toBeUndefined();
    expect((await persona(e, 'individual-no-2sv')).journey).toBe('production');
    expect((await persona(e, 'individual-low-confidence')).confidenceLevel).toBe(50);
    expect((await persona(e, 'individual')).confidenceLevel).toBe(250);
    expect((await persona(e, 'individual-locked')).locked).toBe(true);
    expect(e.personas().find((p) => p.persona === 'individual-sms')?.phoneNumber).toMatch(/^07700/);
  });

  it("gives the app persona a TOTP secret that otplib's authenticator accepts", async () => {
    const e = await emulator();
    const secret = (await persona(e, 'individual-app')).twoStepVerification?.totpSecret;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(e.personas().find((p) => p.persona === 'individual-app')?.totpSecret).toBe(secret);
    expect(authenticator.check(authenticator.generate(secret!), secret!)).toBe(true);
  });

  it('lets a persona sign in with its generated credentials', async () => {
    const e = await emulator();
    const individual = e.personas().find((p) => p.persona === 'individual')!;
    const { code } = await authorize(e, { userId: individual.userId, password: individual.password });
    const tokens = await exchange(e, code!);
    const res = await request(e.app).get('/hello/user').set('Accept', JSON_V1).set('Authorization', `Bearer ${tokens.body.access_token}`);
    expect(res.body).toEqual({ message: 'Hello User' });
  });

  it('seeds the same personas again after a reset', async () => {
    const e = await emulator();
    const before = e.personas();
    await e.reset();
    expect(e.personas()).toEqual(before);
  });
});

describe('fixtures file', () => {
  it('adds the personas of a YAML file', async () => {
    const file = tempFile('extra.yaml', 'personas:\n  - name: my-company\n    affinityGroup: Organisation\n    serviceNames: [paye-for-employers]\n    description: A payroll company\n');
    const e = await emulator({ fixturesFile: file });
    const added = e.personas().at(-1)!;
    expect(added).toMatchObject({ persona: 'my-company', affinityGroup: 'Organisation', description: 'A payroll company' });
    expect((await persona(e, 'my-company')).enrolments[0]?.key).toBe('IR-PAYE');
  });

  it('adds the personas of a JSON file, with a fixed user ID and password if given', async () => {
    const file = tempFile('extra.json', JSON.stringify({ personas: [{ name: 'fixed', affinityGroup: 'Individual', serviceNames: ['mtd-vat'], userId: 'fixeduser', password: 'fixed-password', description: 'Fixed credentials' }] }));
    const e = await emulator({ fixturesFile: file });
    expect(e.personas().at(-1)).toMatchObject({ persona: 'fixed', userId: 'fixeduser', password: 'fixed-password' });
    expect(await e.context.accounts.signIn('fixeduser', 'fixed-password')).toBeDefined();
  });

  it('fails with an error naming the file and the bad path', async () => {
    const file = tempFile('bad.yaml', 'personas:\n  - name: ok\n    affinityGroup: Individual\n    description: fine\n  - name: broken\n    affinityGroup: Robot\n    description: bad\n');
    await expect(emulator({ fixturesFile: file })).rejects.toThrow(`fixtures file ${file}: /personas/1/affinityGroup must be equal to one of the allowed values (Individual, Organisation, Agent)`);
  });

  it('fails when a service does not suit the affinity group, naming the persona', async () => {
    const file = tempFile('bad.yaml', 'personas:\n  - name: wrong\n    affinityGroup: Agent\n    serviceNames: [mtd-vat]\n    description: bad\n');
    await expect(emulator({ fixturesFile: file })).rejects.toThrow(`${file}: /personas/0/serviceNames: Service mtd-vat is not available to AGENT test users`);
  });

  it('fails on an unknown field, a clash with a built-in name, bad YAML or a missing file', async () => {
    await expect(emulator({ fixturesFile: tempFile('x.yaml', 'personas:\n  - name: x\n    affinityGroup: Agent\n    description: d\n    colour: red\n') })).rejects.toThrow(/\/personas\/0 must NOT have additional properties \("colour"\)/);
    await expect(emulator({ fixturesFile: tempFile('x.yaml', 'personas:\n  - name: agent\n    affinityGroup: Agent\n    description: d\n') })).rejects.toThrow(/\/personas\/0\/name "agent" is already a built-in persona/);
    await expect(emulator({ fixturesFile: tempFile('x.yaml', 'personas: [\n') })).rejects.toThrow(/not valid YAML/);
    await expect(emulator({ fixturesFile: '/nonexistent/personas.yaml' })).rejects.toThrow('fixtures file /nonexistent/personas.yaml: cannot be read (ENOENT)');
  });
});
