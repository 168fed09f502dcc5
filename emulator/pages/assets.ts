import { join } from 'node:path';
import express from 'express';
import { GOVUK_FRONTEND_DIST } from './pages.js';

/**
 * GOV.UK Frontend's stylesheet, script, fonts and images under `/assets`, from the installed
 * package: the pages work offline, with no CDN. Its CSS refers to `/assets/fonts/…` and `/assets/images/…`.
 */
export function assetRoutes(): express.Router {
  const router = express.Router();
  const govuk = join(GOVUK_FRONTEND_DIST, 'govuk');
  const options = { index: false, maxAge: '1h', dotfiles: 'ignore' as const };
  router.get(['/govuk-frontend.min.css', '/govuk-frontend.min.css.map', '/govuk-frontend.min.js', '/govuk-frontend.min.js.map'], (req, res, next) =>
    res.sendFile(req.path.slice(1), { root: govuk, maxAge: '1h' }, (err) => err && next()),
  );
  router.use(express.static(join(govuk, 'assets'), options));
  router.use((_req, res) => void res.status(404).type('text').send('Not found'));
  return router;
}
