import { resolve } from 'node:path';
import { trustInstructions } from '../tls/trust-instructions.js';
import type { Command } from './command.js';
import { DEFAULT_DATA_DIR } from './serve-command.js';

interface CaArgs {
  'data-dir'?: string;
}

export const caCommand: Command<CaArgs> = {
  command: 'ca',
  describe: "Create (once) the local certificate authority for HTTPS on HMRC's host names, and say how to trust it",
  builder: (y) =>
    y
      .option('data-dir', { type: 'string', describe: `Folder the CA lives in, under ca/ [default: $HMRC_SANDBOX_DATA_DIR, else ${DEFAULT_DATA_DIR}]` })
      .example('$0 ca', `Create ${DEFAULT_DATA_DIR}/ca/hmrc-sandbox-ca.pem`)
      .example('NODE_EXTRA_CA_CERTS=$(pwd)/hmrc-sandbox-data/ca/hmrc-sandbox-ca.pem node my-app.js', 'Trust it for a Node.js program'),
  run: async (args) => {
    const dataDir = resolve(args['data-dir'] ?? process.env.HMRC_SANDBOX_DATA_DIR ?? DEFAULT_DATA_DIR);
    const { loadOrCreateCa } = await import('../tls/certificate-authority.js'); // only this command needs X.509
    const { ca, created } = await loadOrCreateCa(dataDir);
    const lines = [
      `${created ? 'Created' : 'Using'} the local certificate authority: ${ca.certPath!}`,
      `  ${ca.cert.subject}, valid until ${ca.cert.notAfter.toISOString().slice(0, 10)}`,
      '',
      'Trust it in the software under test (then serve --https-port or --proxy-port; see docs/https.md):',
      ...trustInstructions(ca.certPath!),
      '',
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  },
};
