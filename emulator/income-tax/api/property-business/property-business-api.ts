import type { Api, Endpoint } from '../../../gateway/api.js';
import { withFraudHeaderCheck } from '../../../apis/fraud-prevention/check.js';
import { createAmendForeignAnnual, createAmendUkAnnual, deletePropertyAnnual, retrieveForeignAnnual, retrieveUkAnnual } from './annual-submissions.js';
import { createAmendForeignCumulative, createAmendUkCumulative, retrieveForeignCumulative, retrieveUkCumulative } from './cumulative-summaries.js';
import { createForeignPropertyDetails, retrieveForeignPropertyDetails, updateForeignPropertyDetails } from './foreign-property-details.js';
import { historicAnnualHandlers, historicPeriodHandlers } from './historic.js';
import { amendForeignPeriod, amendUkPeriod, createForeignPeriod, createUkPeriod, listPropertyPeriods, retrieveForeignPeriod, retrieveUkPeriod } from './period-summaries.js';

/**
 * Property Business (MTD) 6.0: a landlord's UK and foreign property income and expenses. Every operation of HMRC's
 * specification, `read:self-assessment` to read and `write:self-assessment` to write, for the taxpayer's own NINO or a
 * main or supporting agent's client (shared/mtd-access.ts):
 * - cumulative period summaries, 2025-26 on (cumulative-summaries.ts);
 * - period summaries and their list, 2022-23 to 2024-25 (period-summaries.ts);
 * - annual submissions, 2022-23 on, and their deletion (annual-submissions.ts);
 * - historic FHL and non-FHL annual and period submissions, 2017-18 to 2021-22 (historic.ts);
 * - foreign property details, 2026-27 on (foreign-property-details.ts).
 * Bodies are read against HMRC's request schemas declared as data (property-shapes.ts, body-shape.ts, body-rules.ts).
 * No `Gov-Test-Scenario` with `data: sandbox`: HMRC's default answers (sandbox-defaults.ts); every documented
 * scenario answers as HMRC documents it; `STATEFUL` or `data: realistic`: stored per application and NINO, against
 * the property businesses created with SA Test Support, fulfilling the property obligations and feeding the
 * Individual Calculation.
 */
const BASE = '/individuals/business/property';
const read = ['read:self-assessment'];
const write = ['write:self-assessment'];
const get = (path: string, handler: Endpoint['handler']): Endpoint => ({ method: 'GET', path: `${BASE}${path}`, auth: 'user', scopes: read, handler });
const put = (path: string, handler: Endpoint['handler']): Endpoint => ({ method: 'PUT', path: `${BASE}${path}`, auth: 'user', scopes: write, handler });
const post = (path: string, handler: Endpoint['handler']): Endpoint => ({ method: 'POST', path: `${BASE}${path}`, auth: 'user', scopes: write, handler });
const del = (path: string, handler: Endpoint['handler']): Endpoint => ({ method: 'DELETE', path: `${BASE}${path}`, auth: 'user', scopes: write, handler });

const fhlAnnual = historicAnnualHandlers('fhl');
const nonFhlAnnual = historicAnnualHandlers('non-fhl');
const fhlPeriods = historicPeriodHandlers('fhl');
const nonFhlPeriods = historicPeriodHandlers('non-fhl');
const FHL = 'furnished-holiday-lettings';
const NON_FHL = 'non-furnished-holiday-lettings';

export const propertyBusinessApi: Api = {
  name: 'Property Business (MTD)',
  context: 'individuals/business/property',
  versions: ['6.0'],
  formats: ['json'],
  endpoints: withFraudHeaderCheck('property-business-api', [
    put('/uk/:nino/:businessId/cumulative/:taxYear', createAmendUkCumulative),
    get('/uk/:nino/:businessId/cumulative/:taxYear', retrieveUkCumulative),
    put('/foreign/:nino/:businessId/cumulative/:taxYear', createAmendForeignCumulative),
    get('/foreign/:nino/:businessId/cumulative/:taxYear', retrieveForeignCumulative),
    put('/uk/:nino/:businessId/annual/:taxYear', createAmendUkAnnual),
    get('/uk/:nino/:businessId/annual/:taxYear', retrieveUkAnnual),
    put('/foreign/:nino/:businessId/annual/:taxYear', createAmendForeignAnnual),
    get('/foreign/:nino/:businessId/annual/:taxYear', retrieveForeignAnnual),
    del('/:nino/:businessId/annual/:taxYear', deletePropertyAnnual),
    post('/uk/:nino/:businessId/period/:taxYear', createUkPeriod),
    get('/uk/:nino/:businessId/period/:taxYear/:submissionId', retrieveUkPeriod),
    put('/uk/:nino/:businessId/period/:taxYear/:submissionId', amendUkPeriod),
    post('/foreign/:nino/:businessId/period/:taxYear', createForeignPeriod),
    get('/foreign/:nino/:businessId/period/:taxYear/:submissionId', retrieveForeignPeriod),
    put('/foreign/:nino/:businessId/period/:taxYear/:submissionId', amendForeignPeriod),
    get('/:nino/:businessId/period/:taxYear', listPropertyPeriods),
    get(`/uk/annual/${FHL}/:nino/:taxYear`, fhlAnnual.retrieve),
    put(`/uk/annual/${FHL}/:nino/:taxYear`, fhlAnnual.createAmend),
    del(`/uk/annual/${FHL}/:nino/:taxYear`, fhlAnnual.delete),
    get(`/uk/annual/${NON_FHL}/:nino/:taxYear`, nonFhlAnnual.retrieve),
    put(`/uk/annual/${NON_FHL}/:nino/:taxYear`, nonFhlAnnual.createAmend),
    del(`/uk/annual/${NON_FHL}/:nino/:taxYear`, nonFhlAnnual.delete),
    get(`/uk/period/${FHL}/:nino`, fhlPeriods.list),
    post(`/uk/period/${FHL}/:nino`, fhlPeriods.create),
    get(`/uk/period/${FHL}/:nino/:periodId`, fhlPeriods.retrieve),
    put(`/uk/period/${FHL}/:nino/:periodId`, fhlPeriods.amend),
    get(`/uk/period/${NON_FHL}/:nino`, nonFhlPeriods.list),
    post(`/uk/period/${NON_FHL}/:nino`, nonFhlPeriods.create),
    get(`/uk/period/${NON_FHL}/:nino/:periodId`, nonFhlPeriods.retrieve),
    put(`/uk/period/${NON_FHL}/:nino/:periodId`, nonFhlPeriods.amend),
    get('/foreign/:nino/:businessId/details/:taxYear', retrieveForeignPropertyDetails),
    post('/foreign/:nino/:businessId/details/:taxYear', createForeignPropertyDetails),
    put('/foreign/:nino/details/:propertyId/:taxYear', updateForeignPropertyDetails),
  ]),
};
