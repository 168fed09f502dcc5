import type express from 'express';
import type { EmulatorContext } from '../context.js';
import { createPages, templateDir } from '../pages/pages.js';

/**
 * `GET /_emulator/mailbox/page[?to=address]`: the emulator's mailbox as a page, newest email first,
 * with working links (verification links, sign-up decisions). The JSON list is `GET /_emulator/mailbox`.
 */
export function mailboxPage(ctx: EmulatorContext): (req: express.Request, res: express.Response) => Promise<void> {
  const pages = createPages([templateDir(import.meta.url)]);
  return async (req, res) => {
    const to = typeof req.query.to === 'string' && req.query.to ? req.query.to.slice(0, 254) : undefined;
    const messages = (await ctx.messages.list({ channel: 'email', to })).reverse().map((m) => {
      const links = (m.links ?? []).filter((href) => /^https?:\/\//.test(href));
      // A line that is one of the email's links becomes that link, where it stands in the email.
      const lines = m.body.split(/\n+/).filter(Boolean).map((line) => (links.includes(line.trim()) ? { href: line.trim() } : { text: line }));
      const inline = new Set(lines.flatMap((l) => ('href' in l ? [l.href] : [])));
      return { id: m.id, to: m.to, subject: m.subject ?? '(no subject)', sentAt: m.sentAt, lines, links: links.filter((href) => !inline.has(href)) };
    });
    pages.render(res, 'mailbox.njk', { title: 'Mailbox', serviceName: 'HMRC local sandbox', messages, to });
  };
}
