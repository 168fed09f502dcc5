// Formats the bench's figures: one line per figure, ratios against the peers, and PASS/MISS for
// each target. A miss is reported, never fatal: the bench always exits 0 once it has measured.

const number = (n, digits = 0) => n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** A ratio against a peer, checked against `≥ atLeast×` or `≤ atMost×`: `{ ratio, pass, value, text }`. */
export function ratioTarget(ratio, { atLeast, atMost }) {
  const pass = atLeast !== undefined ? ratio >= atLeast : ratio <= atMost;
  const wanted = atLeast !== undefined ? `≥ ${atLeast}×` : `≤ ${atMost}×`;
  return { ratio, pass, value: `${number(ratio, 2)}×`, text: `target ${wanted}  ${pass ? 'PASS' : 'MISS'}` };
}

export function absoluteTarget(value, { atLeast, below, atMost, unit }) {
  const pass = atLeast !== undefined ? value >= atLeast : below !== undefined ? value < below : value <= atMost;
  const wanted = atLeast !== undefined ? `≥ ${atLeast} ${unit}` : below !== undefined ? `< ${below} ${unit}` : `${atMost === 0 ? '' : '≤ '}${atMost} ${unit}`;
  return { pass, text: `target ${wanted}  ${pass ? 'PASS' : 'MISS'}` };
}

export function line(label, value, unit, note = '') {
  return `  ${label.padEnd(34)} ${value.padStart(10)} ${unit.padEnd(9)} ${note}`.trimEnd();
}

export const fmt = { number };
