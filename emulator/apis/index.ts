import type { Api } from '../gateway/api.js';
import { helloApi } from './hello/hello-api.js';

/** Every API behind the gateway. */
export const apis: Api[] = [helloApi];
