/**
 * Just enough HTML form parsing for the HTTP user agent: forms with their action, method, inputs (hidden ones such
 * as a CSRF token included) and submit buttons. It relies on field names and form actions only, never on layout,
 * so the emulator's pages can change their markup freely.
 */
export interface HtmlForm {
  action: string;
  method: 'GET' | 'POST';
  /** Every named input, with its value attribute ('' when it has none); checkboxes and radios only when checked. */
  fields: Array<{ name: string; value: string; type: string }>;
  /** Submit buttons (and `input type=submit`) that have a name. */
  buttons: Array<{ name: string; value: string }>;
  /** Names of the text-like inputs. */
  inputNames: string[];
}

const ATTR = /([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;

export function parseForms(html: string): HtmlForm[] {
  const forms: HtmlForm[] = [];
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const attrs = attributes(match[1] ?? '');
    const body = match[2] ?? '';
    const form: HtmlForm = {
      action: attrs.action ?? '',
      method: (attrs.method ?? 'GET').toUpperCase() === 'POST' ? 'POST' : 'GET',
      fields: [],
      buttons: [],
      inputNames: [],
    };
    for (const tag of body.matchAll(/<(input|button|select|textarea)\b([^>]*)>/gi)) {
      const kind = tag[1]!.toLowerCase();
      const a = attributes(tag[2] ?? '');
      if (!a.name) continue;
      const type = (a.type ?? (kind === 'button' ? 'submit' : 'text')).toLowerCase();
      if (type === 'submit' || (kind === 'button' && type !== 'button' && type !== 'reset')) {
        form.buttons.push({ name: a.name, value: a.value ?? '' });
      } else if (type === 'checkbox' || type === 'radio') {
        if ('checked' in a) form.fields.push({ name: a.name, value: a.value ?? 'on', type });
        form.inputNames.push(a.name);
      } else {
        form.fields.push({ name: a.name, value: a.value ?? '', type });
        if (type !== 'hidden') form.inputNames.push(a.name);
      }
    }
    forms.push(form);
  }
  return forms;
}

export function pageTitle(html: string): string {
  return decodeEntities(/<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1]?.trim() ?? '');
}

/** The text of the element carrying `data-testid="<id>"`, if any. */
export function testIdText(html: string, id: string): string | undefined {
  const m = new RegExp(`<([a-z0-9]+)\\b[^>]*data-testid=["']${id}["'][^>]*>([\\s\\S]*?)</\\1>`, 'i').exec(html);
  return m ? decodeEntities(m[2]!.replace(/<[^>]+>/g, '').trim()) : undefined;
}

function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(ATTR)) out[m[1]!.toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  return out;
}

export function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_m, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
