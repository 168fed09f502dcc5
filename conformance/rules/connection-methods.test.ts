import { describe, expect, it } from 'vitest';
import { CONNECTION_METHODS, requiredHeaders } from './connection-methods.js';

/** The specification's table (v3.3, "Connection methods"), as HMRC publishes it: ✓ = required. */
const SPEC_TABLE = `
| header | WEB_APP_VIA_SERVER | DESKTOP_APP_DIRECT | DESKTOP_APP_VIA_SERVER | MOBILE_APP_DIRECT | MOBILE_APP_VIA_SERVER | BATCH_PROCESS_DIRECT | OTHER_DIRECT | OTHER_VIA_SERVER |
| Gov-Client-Connection-Method | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
| Gov-Client-Browser-JS-User-Agent | ✓ | | | | | | | |
| Gov-Client-Device-ID | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
| Gov-Client-Local-IPs | | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
| Gov-Client-Local-IPs-Timestamp | | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
| Gov-Client-MAC-Addresses | | ✓ | ✓ | | | ✓ | ✓ | ✓ |
| Gov-Client-Multi-Factor | ✓ | ✓ | ✓ | ✓ | ✓ | | ✓ | ✓ |
| Gov-Client-Public-IP | ✓ | | ✓ | | ✓ | | | ✓ |
| Gov-Client-Public-IP-Timestamp | ✓ | | ✓ | | ✓ | | | ✓ |
| Gov-Client-Public-Port | ✓ | | ✓ | | ✓ | | | ✓ |
| Gov-Client-Screens | ✓ | ✓ | ✓ | ✓ | ✓ | | | |
| Gov-Client-Timezone | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
| Gov-Client-User-Agent | | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
| Gov-Client-User-IDs | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
| Gov-Client-Window-Size | ✓ | ✓ | ✓ | ✓ | ✓ | | | |
| Gov-Vendor-Forwarded | ✓ | | ✓ | | ✓ | | | ✓ |
| Gov-Vendor-License-IDs | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
| Gov-Vendor-Product-Name | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |
| Gov-Vendor-Public-IP | ✓ | | ✓ | | ✓ | | | ✓ |
| Gov-Vendor-Version | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |`;

const rows = SPEC_TABLE.trim().split('\n').map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
const [head, ...body] = rows as [string[], ...string[][]];

describe("the kit's headers per connection method", () => {
  it('covers the eight methods of the specification', () => {
    expect(head.slice(1)).toEqual([...CONNECTION_METHODS]);
  });

  it.each(CONNECTION_METHODS.map((method, i) => [method, i + 1] as const))('requires of %s exactly the headers the specification ticks', (method, column) => {
    const ticked = body.filter((row) => row[column] === '✓').map((row) => row[0]);
    expect([...requiredHeaders(method)].sort()).toEqual(ticked.sort());
  });
});
